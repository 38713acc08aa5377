BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Set-EntraSmtpClient' {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'stores the settings with the defaults and the secret masked, never in plain text' {
        $null = New-IdentityStore -Name Contoso
        $set = Set-EntraSmtpClient -IdentityStore Contoso -TenantId $Entra.TenantId -ClientId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $EntraSecret) -PassThru -Verbose 4>&1
        $verbose = $set | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $info = Get-EntraSmtpClient -IdentityStore Contoso
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EntraSmtpClientInfo'
        $info.ClientSecret | Should -Be '********'
        $info.SmartHost | Should -Be 'smtp.office365.com'
        $info.Port | Should -Be 587
        $info.Security | Should -Be 'StartTls'
        $info.AuthorityHost | Should -Be 'https://login.microsoftonline.com/'
        $info.Enabled | Should -BeFalse
        ($verbose -join "`n") | Should -Not -Match ([regex]::Escape($EntraSecret))
        foreach ($file in (Get-ConfigurationSnapshot).Keys) { [System.IO.File]::ReadAllText($file) | Should -Not -Match ([regex]::Escape($EntraSecret)) }
    }

    It 'defaults to the Office 365 cloud''s smart host and sign-in host' {
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Office365 -Cloud USGovGCCHigh -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $EntraSecret)
        Set-EntraSmtpClient -IdentityStore Contoso -TenantId $Entra.TenantId -ClientId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $EntraSecret)
        (Get-EntraSmtpClient -IdentityStore Contoso).SmartHost | Should -Be 'smtp.office365.us'
        (Get-EntraSmtpClient -IdentityStore Contoso).AuthorityHost | Should -Be 'https://login.microsoftonline.us/'
    }

    It 'refuses bad or incomplete settings and changes nothing' {
        New-EntraSmtpTestStore $server
        $null = New-IdentityStore -Name Fabrikam
        $before = Get-ConfigurationSnapshot
        $cases = @(
            @{ Script = { Set-EntraSmtpClient -IdentityStore Contoso -ClientId 'not-a-guid' }; Id = 'InvalidApplicationId' }
            @{ Script = { Set-EntraSmtpClient -IdentityStore Contoso -TenantId 'no tenant' }; Id = 'InvalidDomainName' }
            @{ Script = { Set-EntraSmtpClient -IdentityStore Contoso -AuthorityHost 'http://login.example' }; Id = 'InvalidEndpoint' }
            @{ Script = { Set-EntraSmtpClient -IdentityStore Contoso -SmartHost 'smtp host' }; Id = 'InvalidServerName' }
            @{ Script = { Set-EntraSmtpClient -IdentityStore Fabrikam -TenantId contoso.onmicrosoft.com }; Id = 'EntraSmtpClientSettingsIncomplete' }
        )
        foreach ($case in $cases) {
            & $case.Script -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -Be "$($case.Id),MessagingProvider.Commands.SetEntraSmtpClientCommand"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        Assert-ConfigurationUnchanged $before
    }

    It 'drops the mailbox sign-in when the app changes' {
        New-EntraSmtpTestStore $server
        $signedIn = (Invoke-TestMailboxLogon -Mailbox $EntraMailbox).Output
        Set-EntraSmtpClient -IdentityStore Contoso -ClientId 0b3a6f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b -WarningVariable warnings
        ($warnings -join "`n") | Should -Match "sign-in of $([regex]::Escape($EntraMailbox))"
        (Get-EntraSmtpClient -IdentityStore Contoso).MailboxUser | Should -BeNullOrEmpty
        Test-Path $signedIn.TokenCachePath | Should -BeFalse
        Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'MailboxLogonRequired,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand'
    }

    It 'keeps the client enabled when the same secret is given again' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $null = Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local
        Enable-EntraSmtpClient -IdentityStore Contoso
        Set-EntraSmtpClient -IdentityStore Contoso -ClientSecret (ConvertTo-TestSecureString $EntraSecret) -SmartHost $server.Host -WarningVariable warnings
        $warnings | Should -HaveCount 0
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeTrue
    }

    It 'removes the mailbox sign-in with the identity store' {
        New-EntraSmtpTestStore $server
        $signedIn = (Invoke-TestMailboxLogon -Mailbox $EntraMailbox).Output
        Remove-IdentityStore -Name Contoso -Confirm:$false
        Test-Path $signedIn.TokenCachePath | Should -BeFalse
    }

    It 'changes nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $before = Get-ConfigurationSnapshot
        Set-EntraSmtpClient -IdentityStore Contoso -SmartHost smtp.contoso.com -ClientSecret (ConvertTo-TestSecureString 'other') -WhatIf
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'gives an IMAP/SMTP server the default ports and TLS modes' {
        $server = Get-MailServer -IdentityStore Contoso -Name 'contoso imap'
        $server.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MailServerInfo'
        $server.ImapHost | Should -Be 'mail.contoso.com'
        $server.ImapPort | Should -Be 993
        "$($server.ImapTls)" | Should -Be 'Tls'
        $server.SmtpPort | Should -Be 587
        "$($server.SmtpTls)" | Should -Be 'StartTls'
        "$($server.LoginFormat)" | Should -Be 'MailboxName'
        (Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS').ImapPort | Should -BeNullOrEmpty
    }

    It 'stores an OAuth client secret protected and shows it masked' {
        $graph = New-MailServer -IdentityStore Contoso -Name Graph -ServiceType MicrosoftGraph -Receive -Send -Authentication OAuth2 -ClientId 11111111-2222-3333-4444-555555555555 -ClientSecret (ConvertTo-TestSecureString 'Gr@ph-Secret-987')
        $graph.ServiceAddress | Should -Be 'graph.microsoft.com'
        $graph.ClientSecret | Should -Be '********'
        $stored = (Get-ChildItem -Path $ConfigDirectory -Filter *.json | ForEach-Object { [System.IO.File]::ReadAllText($_.FullName) }) -join ''
        $stored | Should -Not -Match ([regex]::Escape('Gr@ph-Secret-987'))
        $stored | Should -Match 'clientSecret'
    }

    It 'reports <ErrorId> and changes nothing' -ForEach @(
        @{ Arguments = @{ Name = 'Lazy'; ServiceType = 'ImapSmtp'; ServiceAddress = 'mail.lazy.com' }; ErrorId = 'MailServerNeedsReceiveOrSend' }
        @{ Arguments = @{ Name = 'contoso imap'; ServiceType = 'ImapSmtp'; ServiceAddress = 'x.contoso.com'; Receive = $true }; ErrorId = 'MailServerAlreadyExists'; Category = 'ResourceExists' }
        @{ Arguments = @{ Name = 'O365'; ServiceType = 'Exchange'; ServiceAddress = 'outlook.office365.com'; Receive = $true; Authentication = 'OAuth2'; ClientId = 'abc' }; ErrorId = 'MailServerSettingsIncomplete' }
        @{ Arguments = @{ Name = 'Ews'; ServiceType = 'Exchange'; Receive = $true }; ErrorId = 'MailServerSettingsIncomplete' }
        @{ Arguments = @{ Name = 'Ews'; ServiceType = 'Exchange'; ServiceAddress = 'ews.contoso.com'; Receive = $true; ClientId = 'abc' }; ErrorId = 'ParameterNotValidForMailServer' }
        @{ Arguments = @{ Name = 'Ews'; ServiceType = 'Exchange'; ServiceAddress = 'ews.contoso.com'; Receive = $true; ImapPort = 993 }; ErrorId = 'ParameterNotValidForMailServer' }
        @{ Arguments = @{ Name = 'Bad*'; ServiceType = 'ImapSmtp'; ServiceAddress = 'mail.contoso.com'; Receive = $true }; ErrorId = 'InvalidMailServerName' }
        @{ Arguments = @{ Name = 'Bad'; ServiceType = 'ImapSmtp'; ServiceAddress = 'not a host'; Receive = $true }; ErrorId = 'InvalidServerName' }
    ) {
        $before = Get-ConfigurationSnapshot
        New-MailServer -IdentityStore Contoso @Arguments -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e $ErrorId 'NewMailServerCommand' $(if ($Category) { $Category } else { 'InvalidArgument' })
        Assert-ConfigurationUnchanged $before
    }

    It 'honours -WhatIf, as Add-EmailProviderDomain and New-MailAccount do' {
        'contoso.com' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'
        $before = Get-ConfigurationSnapshot
        New-MailServer -IdentityStore Contoso -Name Extra -ServiceType ImapSmtp -ServiceAddress extra.contoso.com -Receive -WhatIf | Should -BeNullOrEmpty
        Add-EmailProviderDomain -IdentityStore Contoso -Domain extra.com -MailServer 'Contoso IMAP' -WhatIf
        New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Password (ConvertTo-TestSecureString 'P@ss-1') -WhatIf | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }
}

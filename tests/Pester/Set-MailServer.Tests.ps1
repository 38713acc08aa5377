BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'changes only what is given, and default ports follow the TLS mode' {
        $changed = Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' | Set-MailServer -ImapTls StartTls -SmtpPort 2525 -Send:$false -PassThru
        $changed.ImapPort | Should -Be 143
        $changed.SmtpPort | Should -Be 2525
        $changed.Send | Should -BeFalse
        $changed.Receive | Should -BeTrue
        "$($changed.LoginFormat)" | Should -Be 'MailboxName'
        Set-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -ServiceAddress imap.contoso.com -WhatIf
        (Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP').ServiceAddress | Should -Be 'mail.contoso.com'
    }

    It 'drops the OAuth settings when switching to Basic' {
        $null = New-MailServer -IdentityStore Contoso -Name Graph -ServiceType MicrosoftGraph -Receive -Authentication OAuth2 -ClientId abc -ClientSecret (ConvertTo-TestSecureString 'Gr@ph-Secret-987')
        Set-MailServer -IdentityStore Contoso -Name Graph -Authentication Basic
        $basic = Get-MailServer -IdentityStore Contoso -Name Graph
        $basic.ClientSecret | Should -BeNullOrEmpty
        $basic.ClientId | Should -BeNullOrEmpty
    }

    It 'reports <ErrorId> and changes nothing' -ForEach @(
        @{ Arguments = @{ Name = 'Fabrikam EWS'; Receive = $false }; ErrorId = 'MailServerNeedsReceiveOrSend'; Category = 'InvalidArgument' }
        @{ Arguments = @{ Name = 'Nowhere'; Send = $true }; ErrorId = 'MailServerNotFound'; Category = 'ObjectNotFound' }
    ) {
        $before = Get-ConfigurationSnapshot
        Set-MailServer -IdentityStore Contoso @Arguments -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e $ErrorId 'SetMailServerCommand' $Category
        Assert-ConfigurationUnchanged $before
    }
}

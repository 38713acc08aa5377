BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Set-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'changes only what is given, and default ports follow the TLS mode' {
        $changed = Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' | Set-MailServer -ImapTls StartTls -SmtpPort 2525 -Send:$false -PassThru | Select-Single
        $changed.ImapPort | Should -Be 143
        $changed.SmtpPort | Should -Be 2525
        $changed.Send | Should -BeFalse
        $changed.Receive | Should -BeTrue
        "$($changed.LoginFormat)" | Should -Be 'MailboxName'
    }

    It 'honours -WhatIf' {
        $output = Set-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -ServiceAddress imap.contoso.com -WhatIf
        $output | Should -BeNullOrEmpty
        (Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' | Select-Single).ServiceAddress | Should -Be 'mail.contoso.com'
    }

    It 'drops the OAuth settings when switching to Basic' {
        $null = New-MailServer -IdentityStore Contoso -Name Graph -ServiceType MicrosoftGraph -Receive -Send -Authentication OAuth2 -ClientId 11111111-2222-3333-4444-555555555555 -ClientSecret (ConvertTo-TestSecureString 'Gr@ph-Secret-987')
        Set-MailServer -IdentityStore Contoso -Name Graph -Authentication Basic
        $basic = Get-MailServer -IdentityStore Contoso -Name Graph | Select-Single
        $basic.ClientSecret | Should -Be $null
        $basic.ClientId | Should -Be $null
    }

    It 'reports <ErrorId> for <Case> and changes nothing' -ForEach @(
        @{ Case = 'neither receive nor send left'; Arguments = @{ Name = 'Fabrikam EWS'; Receive = $false }; ErrorId = 'MailServerNeedsReceiveOrSend'; Category = 'InvalidArgument' }
        @{ Case = 'an unknown server'; Arguments = @{ Name = 'Nowhere'; Send = $true }; ErrorId = 'MailServerNotFound'; Category = 'ObjectNotFound' }
    ) {
        $before = Get-ConfigurationSnapshot
        Set-MailServer -IdentityStore Contoso @Arguments -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e "$ErrorId,MessagingProvider.Commands.SetMailServerCommand" $Category
        Assert-ConfigurationUnchanged $before
    }
}

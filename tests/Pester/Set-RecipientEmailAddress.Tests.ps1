BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-RecipientEmailAddress' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'keeps non-SMTP and excluded addresses and puts the primary last' {
        $null = Start-StandInServer ExchA
        Add-StandInRecipient asmith UserMailbox 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith', 'smtp:asmith@contoso.mail.onmicrosoft.com', 'smtp:old@contoso.com', 'SMTP:asmith@contoso.com', 'SIP:asmith@contoso.com'
        $update = Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -EmailAddress ann.smith@contoso.com, asmith@contoso.com -PrimarySmtpAddress ann.smith@contoso.com
        $expected = 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith', 'smtp:asmith@contoso.mail.onmicrosoft.com', 'SIP:asmith@contoso.com', 'smtp:asmith@contoso.com', 'SMTP:ann.smith@contoso.com'
        $update.EmailAddresses | Should -BeExactly $expected
        Get-StandInEmailAddresses asmith | Should -BeExactly $expected
        $update.Removed | Should -Be 'old@contoso.com'
        $update.Server | Should -Be 'ExchA'
        (Get-StandInJournal).Command | Should -Be 'Set-Mailbox'
    }

    It 'sends nothing with -WhatIf or when nothing changes' {
        $null = Start-StandInServer ExchA
        Add-StandInRecipient Sales MailUniversalDistributionGroup 'SMTP:sales@contoso.com'
        Set-RecipientEmailAddress -IdentityStore Contoso -Identity Sales -EmailAddress sales@contoso.com, team@contoso.com -WhatIf
        (Set-RecipientEmailAddress -IdentityStore Contoso -Identity Sales -EmailAddress sales@contoso.com).Changed | Should -BeFalse
        Get-StandInJournal | Should -BeNullOrEmpty
    }

    It 'refuses an address in an excluded domain before any connection' {
        $all = Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -EmailAddress asmith@contoso.mail.onmicrosoft.com -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1
        $err[0].FullyQualifiedErrorId | Should -Be 'ExcludedDomainAddress,MessagingProvider.Commands.SetRecipientEmailAddressCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        ($all | Where-Object { $_.Message -like 'Exchange server*' }) | Should -BeNullOrEmpty
    }
}

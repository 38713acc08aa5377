BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
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

Describe 'Set-RecipientEmailAddress with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'sets the addresses in Exchange Online without the address policy parameter' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $null = New-MailEnabledGroup -IdentityStore Cloud -Name Sales -Alias sales -WarningAction SilentlyContinue
        $update = Set-RecipientEmailAddress -IdentityStore Cloud -Identity Sales -EmailAddress sales@contoso.com, vertrieb@contoso.com -PrimarySmtpAddress sales@contoso.com
        $update.EmailAddresses | Should -Be @('smtp:vertrieb@contoso.com', 'SMTP:sales@contoso.com')
        $set = $ExchangeOnline.Requests[$ExchangeOnline.Requests.Count - 1]
        $set['CmdletName'].ToString() | Should -Be 'Set-DistributionGroup'
        ($set['Parameters'] | ForEach-Object { $_.Key } | Sort-Object) -join ',' | Should -Be 'EmailAddresses,Identity'
        ($ExchangeOnline.Recipients['Sales']['EmailAddresses'] | ForEach-Object { $_.ToString() }) | Should -Be @('smtp:vertrieb@contoso.com', 'SMTP:sales@contoso.com')
    }

    It 'reports an unknown Exchange Online recipient as RecipientNotFound' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        Set-RecipientEmailAddress -IdentityStore Cloud -Identity nobody -EmailAddress nobody@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'RecipientNotFound,MessagingProvider.Commands.SetRecipientEmailAddressCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'sets Google aliases, and -WhatIf changes none' {
        New-GoogleTestStore
        $update = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com, alice.smith@contoso.com -PrimarySmtpAddress alice@contoso.com
        $update.PrimarySmtpAddress | Should -Be 'alice@contoso.com'
        $Google.AliasesOf('alice@contoso.com') | Should -Be @('alice.smith@contoso.com')
        $preview = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com -PrimarySmtpAddress alice@contoso.com -WhatIf
        $preview | Should -HaveCount 1
        $Google.AliasesOf('alice@contoso.com') | Should -Be @('alice.smith@contoso.com')
    }

    It 'refuses another Google primary address' {
        New-GoogleTestStore
        Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress SMTP:a@contoso.com, alice@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GooglePrimaryAddressChangeNotSupported,MessagingProvider.Commands.SetRecipientEmailAddressCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $Google.AliasesOf('alice@contoso.com') | Should -HaveCount 0
    }
}

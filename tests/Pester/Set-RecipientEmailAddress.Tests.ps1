BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-RecipientEmailAddress' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'keeps non-SMTP and excluded addresses and puts the primary last' {
        $null = Start-StandInServer ExchA
        Add-StandInRecipient asmith UserMailbox 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith', 'smtp:asmith@contoso.mail.onmicrosoft.com', 'smtp:old@contoso.com', 'SMTP:asmith@contoso.com', 'SIP:asmith@contoso.com'
        $update = Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -EmailAddress ann.smith@contoso.com, asmith@contoso.com -PrimarySmtpAddress ann.smith@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $update | Should -HaveCount 1
        $expected = 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith', 'smtp:asmith@contoso.mail.onmicrosoft.com', 'SIP:asmith@contoso.com', 'smtp:asmith@contoso.com', 'SMTP:ann.smith@contoso.com'
        $update.EmailAddresses | Should -BeExactly $expected
        Get-StandInEmailAddresses asmith | Should -BeExactly $expected
        $update.Removed | Should -BeExactly @('old@contoso.com')
        $update.Server | Should -BeExactly 'ExchA'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Set-Mailbox|asmith')
    }

    It 'sends nothing with -WhatIf or when nothing changes' {
        $null = Start-StandInServer ExchA
        Add-StandInRecipient Sales MailUniversalDistributionGroup 'SMTP:sales@contoso.com'
        $null = Set-RecipientEmailAddress -IdentityStore Contoso -Identity Sales -EmailAddress sales@contoso.com, team@contoso.com -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        $same = Set-RecipientEmailAddress -IdentityStore Contoso -Identity Sales -EmailAddress sales@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $same | Should -HaveCount 1
        $same.Changed | Should -BeFalse
        Get-StandInJournal | Should -BeNullOrEmpty
        Get-StandInEmailAddresses Sales | Should -BeExactly @('SMTP:sales@contoso.com')
    }

    It 'refuses an address in an excluded domain before any connection' {
        $run = Split-VerboseOutput (Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -EmailAddress asmith@contoso.mail.onmicrosoft.com -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1)
        Assert-SingleError $err 'ExcludedDomainAddress,MessagingProvider.Commands.SetRecipientEmailAddressCommand' InvalidArgument
        $run.Output | Should -HaveCount 0
        Select-MessageStartingWith $run.Verbose 'Exchange server' | Should -HaveCount 0
    }
}

Describe 'Set-RecipientEmailAddress -Add -Remove' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'adds and removes with one read and one write, keeping everything else' {
        Add-StandInRecipient asmith UserMailbox 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith', 'smtp:a.smith@contoso.com', 'SMTP:asmith@contoso.com', 'SIP:asmith@contoso.com'
        $run = Split-VerboseOutput (Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -Add ann.smith@contoso.com -Remove a.smith@contoso.com -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $expected = 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith', 'SIP:asmith@contoso.com', 'smtp:ann.smith@contoso.com', 'SMTP:asmith@contoso.com'
        $run.Output[0].EmailAddresses | Should -BeExactly $expected
        $run.Output[0].Removed | Should -BeExactly @('a.smith@contoso.com')
        Get-StandInEmailAddresses asmith | Should -BeExactly $expected
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Set-Mailbox|asmith')
        Select-MessageStartingWith $run.Verbose "Exchange server 'ExchA': Get-Recipient -Identity succeeded" | Should -HaveCount 1
        Select-MessageStartingWith $run.Verbose "Exchange server 'ExchA': Set-Mailbox " | Should -HaveCount 1
    }

    It 'refuses an added address another recipient holds, or outside the accepted domains, unless told to skip the checks' {
        Add-StandInRecipient asmith UserMailbox 'SMTP:asmith@contoso.com'
        Add-StandInRecipient Sales MailUniversalDistributionGroup 'SMTP:sales@contoso.com'
        Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -Add sales@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'EmailAddressInUse,MessagingProvider.Commands.SetRecipientEmailAddressCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLikeExactly "*already used by 'Sales'*"
        Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -Add asmith@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'DomainNotAccepted,MessagingProvider.Commands.SetRecipientEmailAddressCommand' InvalidArgument
        Get-StandInJournal | Should -BeNullOrEmpty
        $update = Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -Add asmith@fabrikam.com -SkipAddressCheck -ErrorVariable err
        $err.Count | Should -Be 0
        $update.EmailAddresses | Should -BeExactly @('smtp:asmith@fabrikam.com', 'SMTP:asmith@contoso.com')
    }

    It 'refuses to remove the primary without a new one, and makes a new primary with -PrimarySmtpAddress' {
        Add-StandInRecipient asmith UserMailbox 'SMTP:asmith@contoso.com', 'smtp:ann@contoso.com'
        Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -Remove asmith@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'InvalidEmailAddresses,MessagingProvider.Commands.SetRecipientEmailAddressCommand' InvalidArgument
        $update = Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -Remove asmith@contoso.com -PrimarySmtpAddress ann@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $update.EmailAddresses | Should -BeExactly @('SMTP:ann@contoso.com')
    }
}

Describe 'Set-RecipientEmailAddress with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'sets the addresses in Exchange Online without the address policy parameter' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $null = New-MailEnabledGroup -IdentityStore Cloud -Name Sales -Alias sales -WarningAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 0
        $update = Set-RecipientEmailAddress -IdentityStore Cloud -Identity Sales -EmailAddress sales@contoso.com, vertrieb@contoso.com -PrimarySmtpAddress sales@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $update | Should -HaveCount 1
        $update.EmailAddresses | Should -BeExactly @('smtp:vertrieb@contoso.com', 'SMTP:sales@contoso.com')
        $set = $ExchangeOnline.Requests[$ExchangeOnline.Requests.Count - 1]
        $set['CmdletName'].ToString() | Should -BeExactly 'Set-DistributionGroup'
        ($set['Parameters'] | ForEach-Object { $_.Key } | Sort-Object) -join ',' | Should -BeExactly 'EmailAddresses,Identity'
        ($ExchangeOnline.Recipients['Sales']['EmailAddresses'] | ForEach-Object { $_.ToString() }) | Should -BeExactly @('smtp:vertrieb@contoso.com', 'SMTP:sales@contoso.com')
    }

    It 'reports an unknown Exchange Online recipient as RecipientNotFound' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        Set-RecipientEmailAddress -IdentityStore Cloud -Identity nobody -EmailAddress nobody@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.SetRecipientEmailAddressCommand' ObjectNotFound
    }

    It 'sets Google aliases, and -WhatIf changes none' {
        New-GoogleTestStore
        $update = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com, alice.smith@contoso.com -PrimarySmtpAddress alice@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $update | Should -HaveCount 1
        $update.PrimarySmtpAddress | Should -BeExactly 'alice@contoso.com'
        $Google.AliasesOf('alice@contoso.com') | Should -BeExactly @('alice.smith@contoso.com')
        $preview = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com -PrimarySmtpAddress alice@contoso.com -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        $preview | Should -HaveCount 1
        $Google.AliasesOf('alice@contoso.com') | Should -BeExactly @('alice.smith@contoso.com')
    }

    It 'refuses another Google primary address' {
        New-GoogleTestStore
        Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress SMTP:a@contoso.com, alice@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GooglePrimaryAddressChangeNotSupported,MessagingProvider.Commands.SetRecipientEmailAddressCommand' NotImplemented
        $Google.AliasesOf('alice@contoso.com') | Should -HaveCount 0
    }

    It 'adds a Google alias with -Add, checked first, and removes one with -Remove' {
        New-GoogleTestStore
        $null = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -Add alice.smith@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $Google.AliasesOf('alice@contoso.com') | Should -BeExactly @('alice.smith@contoso.com')
        Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -Add admin@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'EmailAddressInUse,MessagingProvider.Commands.SetRecipientEmailAddressCommand' ResourceExists
        $null = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -Remove alice.smith@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $Google.AliasesOf('alice@contoso.com') | Should -BeNullOrEmpty
    }
}

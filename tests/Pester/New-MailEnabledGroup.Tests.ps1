BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledGroup' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'changes nothing with -WhatIf, then creates the group' {
        New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -WhatIf | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty
        $created = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -Alias projectx
        $created.PrimarySmtpAddress | Should -Be 'projectx@contoso.com'
        $journal = Get-StandInJournal
        "$($journal.Server)|$($journal.Command)|$($journal.Identity)" | Should -Be 'ExchA|New-DistributionGroup|Project X'
    }

    It 'reports an existing name as an Exchange error naming the server' {
        $null = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X'
        New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeCommandFailed,MessagingProvider.Commands.NewMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].Exception.Message | Should -BeLike "*Exchange server 'ExchA'*"
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'lists the servers and finds one by name' {
        @(Get-MailServer -IdentityStore Contoso).Count | Should -Be 2
        (Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS').Send | Should -BeFalse
    }

    It 'reports an unknown server' {
        Get-MailServer -IdentityStore Contoso -Name Nowhere -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailServerNotFound' 'GetMailServerCommand' 'ObjectNotFound'
    }

    It 'completes mail server names from the store on the command line' {
        $complete = { param($line) [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches.CompletionText }
        & $complete 'Get-MailServer -IdentityStore Contoso -Name ' | Should -Be @("'Contoso IMAP'", "'Fabrikam EWS'")
        & $complete 'New-MailAccount -IdentityStore Contoso -EmailAddress a@b.com -MailServer fa' | Should -Be @("'Fabrikam EWS'")
        & $complete 'Add-EmailProviderDomain -IdentityStore Contoso -Domain x.com -MailServer Con' | Should -Be @("'Contoso IMAP'")
    }
}

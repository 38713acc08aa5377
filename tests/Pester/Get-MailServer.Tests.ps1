BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Get-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'lists the servers and finds one by name' {
        @(Get-MailServer -IdentityStore Contoso).Count | Should -Be 2
        (Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' | Select-Single).Send | Should -BeFalse
    }

    It 'reports an unknown server and changes nothing' {
        $before = Get-ConfigurationSnapshot
        $output = Get-MailServer -IdentityStore Contoso -Name Nowhere -ErrorAction SilentlyContinue -ErrorVariable e
        $output | Should -BeNullOrEmpty
        Assert-SingleError $e 'MailServerNotFound,MessagingProvider.Commands.GetMailServerCommand' 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }

    It 'completes mail server names from the store on the command line' {
        $complete = { param($line) [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches.CompletionText }
        & $complete 'Get-MailServer -IdentityStore Contoso -Name ' | Should -Be @("'Contoso IMAP'", "'Fabrikam EWS'")
        & $complete 'New-MailAccount -IdentityStore Contoso -EmailAddress a@b.com -MailServer fa' | Should -Be @("'Fabrikam EWS'")
        & $complete 'Add-EmailProviderDomain -IdentityStore Contoso -Domain x.com -MailServer Con' | Should -Be @("'Contoso IMAP'")
    }
}

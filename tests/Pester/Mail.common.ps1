# Shared by the mail server, mail account, provider-domain and Resolve-EmailProvider test files.
# The real servers (dnsmasq; Postfix + Dovecot from tests/MessagingProvider.MailServer) are started by
# the same fixture classes the hosted-engine tests use, loaded from the built test assemblies
# (dotnet build tests/MessagingProvider.Tests -c Release).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

# Contoso with 'Contoso IMAP' (ImapSmtp, mailbox-name logins) and 'Fabrikam EWS' (Exchange, manual logins), as MailScripts.Servers.
function New-MailServerTestStore {
    $null = New-IdentityStore -Name Contoso
    $null = New-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -ServiceType ImapSmtp -ServiceAddress mail.contoso.com -Receive -Send -LoginFormat MailboxName
    $null = New-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' -ServiceType Exchange -ServiceAddress ews.fabrikam.com -Receive -LoginFormat Manual
}

# New-MailServerTestStore plus contoso.com and contoso.net mapped to 'Contoso IMAP', as MailScripts.Domains.
function New-ProviderDomainTestStore {
    New-MailServerTestStore
    'contoso.com', 'contoso.net' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'
}

function Get-ProviderDomainTable {
    (Get-EmailProviderDomain -IdentityStore Contoso | ForEach-Object { '{0}>{1}' -f $_.Domain, $_.MailServer }) -join ','
}

function Get-StageLine($Result) {
    ($Result.Stages | ForEach-Object { '{0}/{1}:{2}' -f $_.Protocol, $_.Stage, $_.Status }) -join ','
}

function Assert-SingleError($ErrorList, [string] $ErrorId, [string] $Command, [System.Management.Automation.ErrorCategory] $Category) {
    $ErrorList.Count | Should -Be 1
    $ErrorList[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.$Command"
    $ErrorList[0].CategoryInfo.Category | Should -Be $Category
}

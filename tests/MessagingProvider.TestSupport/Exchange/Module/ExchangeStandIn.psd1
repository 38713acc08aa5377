@{
    RootModule        = '../../MessagingProvider.TestSupport.dll'
    ModuleVersion     = '1.0.0'
    GUID              = 'b3f5f0a4-3c1e-4a54-8d5e-2a8c1f0e9b77'
    Description       = 'Stand-in Exchange cmdlets for the MessagingProvider tests.'
    CmdletsToExport   = @(
        'Get-ExchangeServer', 'Get-Recipient', 'Get-AcceptedDomain',
        'Remove-DistributionGroup', 'Disable-DistributionGroup', 'Remove-MailContact', 'Disable-MailContact',
        'Remove-MailUser', 'Disable-MailUser', 'Remove-Mailbox', 'Disable-Mailbox', 'Remove-RemoteMailbox', 'Disable-RemoteMailbox',
        'Enable-DistributionGroup', 'New-DistributionGroup', 'Set-DistributionGroup',
        'Enable-Mailbox', 'New-Mailbox', 'Set-Mailbox',
        'Enable-RemoteMailbox', 'New-RemoteMailbox', 'Set-RemoteMailbox',
        'Enable-MailUser', 'Set-MailUser',
        'Enable-MailContact', 'New-MailContact', 'Set-MailContact'
    )
    FunctionsToExport = @()
    AliasesToExport   = @()
}

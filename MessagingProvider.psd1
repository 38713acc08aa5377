@{
    RootModule           = 'MessagingProvider.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'
    Author               = 'MessagingProvider contributors'
    CompanyName          = 'MessagingProvider'
    Copyright            = '(c) MessagingProvider contributors. MIT License.'
    Description          = 'Configure and operate the messaging side of identity stores: Exchange on-premises (remote PowerShell in priority order), Office 365, Google Workspace, other providers, SMTP notifications.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('MessagingProvider.Format.ps1xml')
    TypesToProcess       = @('MessagingProvider.Types.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'New-IdentityStore'
        'Get-IdentityStore'
        'Remove-IdentityStore'
        'Set-MessagingProvider'
        'Get-MessagingProvider'
        'Test-EmailAlias'
        'Get-ExchangeServer'
        'Add-ExchangeServer'
        'Remove-ExchangeServer'
        'Set-ExchangeServerPriority'
        'Set-SmtpServer'
        'Get-SmtpServer'
        'Test-SmtpServer'
        'Add-NotificationRecipient'
        'Remove-NotificationRecipient'
        'Get-NotificationRecipient'
        'Set-NotificationPolicy'
        'Get-NotificationPolicy'
        'Set-NotificationTemplate'
        'Get-NotificationTemplate'
        'Send-Notification'
        'Get-DueNotification'
        'Add-EmailProviderDomain'
        'Get-EmailProviderDomain'
        'Remove-EmailProviderDomain'
        'Resolve-EmailProvider'
        'New-MailServer'
        'Get-MailServer'
        'Set-MailServer'
        'Remove-MailServer'
        'New-MailAccount'
        'Get-MailAccount'
        'Remove-MailAccount'
        'Test-MailAccount'
        'Test-MessagingProviderConnection'
        'Test-ExchangeServer'
        'Sync-ExchangeServer'
        'Set-ExchangeConnectionOption'
        'Enable-MailEnabledGroup'
        'New-MailEnabledGroup'
        'Enable-MailEnabledUser'
        'New-MailEnabledUser'
        'Enable-MailEnabledContact'
        'New-MailEnabledContact'
        'Set-RecipientEmailAddress'
        'Merge-EmailAddress'
        'Set-EntraSmtpClient'
        'Get-EntraSmtpClient'
        'Connect-EntraSmtpMailbox'
        'Send-EntraSmtpTestMessage'
        'Enable-EntraSmtpClient'
        'Disable-EntraSmtpClient'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Exchange', 'Office365', 'ExchangeOnline', 'GoogleWorkspace', 'SMTP', 'Notifications', 'IdentityStore')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}

BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'New-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'gives an IMAP/SMTP server the default ports and TLS modes and keeps what was given' {
        $server = Get-MailServer -IdentityStore Contoso -Name 'contoso imap' | Select-Single
        $server.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MailServerInfo'
        "$($server.ServiceType)" | Should -Be 'ImapSmtp'
        $server.ImapHost | Should -Be 'mail.contoso.com'
        $server.ImapPort | Should -Be 993
        "$($server.ImapTls)" | Should -Be 'Tls'
        $server.SmtpPort | Should -Be 587
        "$($server.SmtpTls)" | Should -Be 'StartTls'
        "$($server.LoginFormat)" | Should -Be 'MailboxName'
        $server.Receive | Should -BeTrue
        $server.Send | Should -BeTrue

        $exchange = Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' | Select-Single
        $exchange.ImapPort | Should -Be $null
        $exchange.Send | Should -BeFalse
        @(Get-MailServer -IdentityStore Contoso).Count | Should -Be 2
    }

    It 'stores an OAuth client secret protected and shows it masked' {
        $graph = New-MailServer -IdentityStore Contoso -Name Graph -ServiceType MicrosoftGraph -Receive -Send -Authentication OAuth2 -ClientId 11111111-2222-3333-4444-555555555555 -ClientSecret (ConvertTo-TestSecureString 'Gr@ph-Secret-987') |
            Select-Single
        $graph.ServiceAddress | Should -Be 'graph.microsoft.com'
        $graph.ClientSecret | Should -Be '********'
        $graph.ClientId | Should -Be '11111111-2222-3333-4444-555555555555'
        $stored = Get-StoredConfigurationText
        $stored | Should -Not -BeLike '*Gr@ph-Secret-987*'
        $stored | Should -BeLike '*clientSecret*'
    }

    It 'reports <ErrorId> for <Case> and changes nothing' -ForEach @(
        @{ Case = 'neither -Receive nor -Send'; Arguments = @{ Name = 'Lazy'; ServiceType = 'ImapSmtp'; ServiceAddress = 'mail.lazy.com' }; ErrorId = 'MailServerNeedsReceiveOrSend'; Category = 'InvalidArgument' }
        @{ Case = 'a name in another case'; Arguments = @{ Name = 'contoso imap'; ServiceType = 'ImapSmtp'; ServiceAddress = 'x.contoso.com'; Receive = $true }; ErrorId = 'MailServerAlreadyExists'; Category = 'ResourceExists' }
        @{ Case = 'OAuth2 without a secret'; Arguments = @{ Name = 'O365'; ServiceType = 'Exchange'; ServiceAddress = 'outlook.office365.com'; Receive = $true; Authentication = 'OAuth2'; ClientId = 'abc' }; ErrorId = 'MailServerSettingsIncomplete'; Category = 'InvalidArgument' }
        @{ Case = 'Exchange without an address'; Arguments = @{ Name = 'Ews'; ServiceType = 'Exchange'; Receive = $true }; ErrorId = 'MailServerSettingsIncomplete'; Category = 'InvalidArgument' }
        @{ Case = '-ClientId with Basic'; Arguments = @{ Name = 'Ews'; ServiceType = 'Exchange'; ServiceAddress = 'ews.contoso.com'; Receive = $true; ClientId = 'abc' }; ErrorId = 'ParameterNotValidForMailServer'; Category = 'InvalidArgument' }
        @{ Case = '-ImapPort on Exchange'; Arguments = @{ Name = 'Ews'; ServiceType = 'Exchange'; ServiceAddress = 'ews.contoso.com'; Receive = $true; ImapPort = 993 }; ErrorId = 'ParameterNotValidForMailServer'; Category = 'InvalidArgument' }
        @{ Case = 'a wildcard in the name'; Arguments = @{ Name = 'Bad*'; ServiceType = 'ImapSmtp'; ServiceAddress = 'mail.contoso.com'; Receive = $true }; ErrorId = 'InvalidMailServerName'; Category = 'InvalidArgument' }
        @{ Case = 'a bad host name'; Arguments = @{ Name = 'Bad'; ServiceType = 'ImapSmtp'; ServiceAddress = 'not a host'; Receive = $true }; ErrorId = 'InvalidServerName'; Category = 'InvalidArgument' }
    ) {
        $before = Get-ConfigurationSnapshot
        $output = New-MailServer -IdentityStore Contoso @Arguments -ErrorAction SilentlyContinue -ErrorVariable e
        $output | Should -BeNullOrEmpty
        Assert-SingleError $e "$ErrorId,MessagingProvider.Commands.NewMailServerCommand" $Category
        Assert-ConfigurationUnchanged $before
    }

    It 'honours -WhatIf' {
        $before = Get-ConfigurationSnapshot
        $output = New-MailServer -IdentityStore Contoso -Name Extra -ServiceType ImapSmtp -ServiceAddress extra.contoso.com -Receive -WhatIf
        $output | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }

    It 'warns that EWS in Exchange Online is retiring for an Exchange server at <Address>, and offers MicrosoftGraph' -TestCases @(
        @{ Address = 'outlook.office365.com'; Cloud = 'Global' }
        @{ Address = 'https://outlook.office365.com/EWS/Exchange.asmx'; Cloud = 'Global' }
        @{ Address = 'outlook.office365.us'; Cloud = 'USGovGCCHigh' }
    ) {
        param($Address, $Cloud)
        $server = @(New-MailServer -IdentityStore Contoso -Name 'EXO' -ServiceType Exchange -ServiceAddress $Address -Receive -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop)

        $server.Count | Should -Be 1 -Because 'a warning, not a refusal'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "'EXO' uses EWS against Exchange Online ($Cloud, *since 1 October 2026*removes it on 1 April 2027*-ServiceType MicrosoftGraph*"
    }

    It 'does not warn for an Exchange server on premises or a Microsoft Graph mail server' {
        $null = New-MailServer -IdentityStore Contoso -Name 'OnPrem' -ServiceType Exchange -ServiceAddress mail.contoso.com -Receive -WarningVariable onPrem -ErrorAction Stop
        $null = New-MailServer -IdentityStore Contoso -Name 'Graph' -ServiceType MicrosoftGraph -Receive -Send -Authentication OAuth2 -ClientId 11111111-2222-3333-4444-555555555555 `
            -ClientSecret (ConvertTo-TestSecureString 'cs') -WarningVariable graph -ErrorAction Stop

        $onPrem.Count | Should -Be 0
        $graph.Count | Should -Be 0
    }
}

BeforeAll {
    . "$PSScriptRoot/NotificationDelivery.common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Get-NotificationDelivery' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'shows SMTP and that the SMTP server is missing for <Case>' -ForEach @(
        @{ Case = 'a new store'; Office365 = $false }
        @{ Case = 'a new Office 365 store'; Office365 = $true }
    ) {
        $null = New-IdentityStore -Name Cloud
        if ($Office365) {
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
                -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'stand-in-secret') `
                -AuthorityHost https://login.contoso.test/ -GraphEndpoint https://graph.contoso.test/ -ErrorAction Stop
        }
        $run = Invoke-Captured { Get-NotificationDelivery -IdentityStore Cloud }
        $run.Errors.Count | Should -Be 0
        $run.Output.Count | Should -Be 1
        $delivery = $run.Output[0]
        $delivery.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.NotificationDeliveryInfo'
        $delivery.Method | Should -Be 'Smtp'
        $delivery.From | Should -BeNullOrEmpty
        $delivery.Endpoint | Should -BeNullOrEmpty
        $delivery.Problem | Should -BeLike '*Set-SmtpServer*'
    }

    It 'refuses an unknown store' {
        $output = Get-NotificationDelivery -IdentityStore Nowhere -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'IdentityStoreNotFound,MessagingProvider.Commands.GetNotificationDeliveryCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $output | Should -BeNullOrEmpty
    }
}

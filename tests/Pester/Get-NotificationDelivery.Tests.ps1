# Mirrors the Get-NotificationDelivery cases of tests/MessagingProvider.Tests/Smtp/NotificationDeliveryCommandTests.cs
# (the Graph cases are in Set-NotificationDelivery.Tests.ps1).
BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-NotificationDelivery' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'shows SMTP for a new store and what is missing' {
        $null = New-IdentityStore -Name Cloud
        $delivery = Get-NotificationDelivery -IdentityStore Cloud
        $delivery.Method | Should -Be 'Smtp'
        $delivery.From | Should -BeNullOrEmpty
        $delivery.Endpoint | Should -BeNullOrEmpty
        $delivery.Problem | Should -BeLike '*Set-SmtpServer*'
    }

    It 'refuses an unknown store' {
        { Get-NotificationDelivery -IdentityStore Nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'IdentityStoreNotFound,MessagingProvider.Commands.GetNotificationDeliveryCommand'
    }
}

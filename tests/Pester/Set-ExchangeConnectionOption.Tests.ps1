BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-ExchangeConnectionOption' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'changes only the options given' {
        $options = @(Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 10 -FailoverCooldownSeconds 120 -PassThru -ErrorVariable err)
        $err.Count | Should -Be 0
        $options | Should -HaveCount 1
        $options[0].OpenTimeoutSeconds | Should -BeOfType [int]
        $options[0].OpenTimeoutSeconds | Should -Be 10
        $options[0].FailoverCooldownSeconds | Should -BeOfType [int]
        $options[0].FailoverCooldownSeconds | Should -Be 120
        $options[0].OperationTimeoutSeconds | Should -BeOfType [int]
        $options[0].OperationTimeoutSeconds | Should -Be 180
        $options[0].ProbePorts | Should -BeOfType [int]
        $options[0].ProbePorts | Should -Be @(80, 443, 5985, 5986)
        $options[0].SkipCertificateCheck | Should -BeOfType [bool]
        $options[0].SkipCertificateCheck | Should -BeFalse
    }

    It 'relaxes the certificate authority and name checks separately, and warns while either is off' {
        $caOnly = @(Set-ExchangeConnectionOption -IdentityStore Contoso -SkipCertificateCheck -PassThru -WarningVariable warnings -WarningAction SilentlyContinue)
        $caOnly[0].SkipCertificateCheck | Should -BeTrue
        $caOnly[0].SkipCertificateNameCheck | Should -BeFalse
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike '*authority check is OFF (the name is still checked)*'

        $both = @(Set-ExchangeConnectionOption -IdentityStore Contoso -SkipCertificateNameCheck -PassThru -WarningVariable warnings -WarningAction SilentlyContinue)
        $both[0].SkipCertificateNameCheck | Should -BeTrue
        "$($warnings[0])" | Should -BeLike '*authority and name checks are OFF*'

        $null = Set-ExchangeConnectionOption -IdentityStore Contoso -SkipCertificateCheck:$false -SkipCertificateNameCheck:$false -WarningVariable warnings
        $warnings | Should -HaveCount 0
    }

    It 'refuses an out-of-range value and changes nothing' {
        $before = Get-ConfigurationSnapshot
        $thrown = { Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort 70000 } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,MessagingProvider.Commands.SetExchangeConnectionOptionCommand'
        Assert-ConfigurationUnchanged $before
    }

    It 'refuses stores whose provider is not Exchange and changes nothing' {
        $null = New-IdentityStore -Name Ext
        $before = Get-ConfigurationSnapshot
        Set-ExchangeConnectionOption -IdentityStore Ext -OpenTimeoutSeconds 10 -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderNotConfigured,MessagingProvider.Commands.SetExchangeConnectionOptionCommand' 'InvalidOperation'
        Assert-ConfigurationUnchanged $before
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 10 -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-ExchangeConnectionOption' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'changes only the options given' {
        $options = Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 10 -FailoverCooldownSeconds 120 -PassThru
        $options.OpenTimeoutSeconds | Should -Be 10
        $options.FailoverCooldownSeconds | Should -Be 120
        $options.OperationTimeoutSeconds | Should -Be 180
        $options.ProbePorts | Should -Be @(80, 443, 5985, 5986)
        $options.SkipCertificateCheck | Should -BeFalse
    }

    It 'refuses an out-of-range value and changes nothing' {
        $before = Get-ConfigurationSnapshot
        { Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort 70000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MessagingProvider.Commands.SetExchangeConnectionOptionCommand'
        Assert-ConfigurationUnchanged $before
    }

    It 'refuses stores whose provider is not Exchange' {
        $null = New-IdentityStore -Name Ext
        Set-ExchangeConnectionOption -IdentityStore Ext -OpenTimeoutSeconds 10 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ProviderNotConfigured,MessagingProvider.Commands.SetExchangeConnectionOptionCommand'
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 10 -WhatIf
        Assert-ConfigurationUnchanged $before
    }
}

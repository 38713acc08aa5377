BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Get-NotificationPreview' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
        Set-NotificationPolicy -IdentityStore Contoso -NotifyAddedMembers -PortalUrl 'https://portal.contoso.com/' -ErrorAction Stop
        $htmlFile = Join-Path ([System.IO.Path]::GetTempPath()) ('mp-preview-' + [guid]::NewGuid().ToString('N') + '.html')
        # Shaped as Get-ADUser -Properties * gives it: multi-valued properties are collections.
        $anna = [pscustomobject]@{
            DisplayName = 'Anna Müller'; GivenName = 'Anna'; Surname = 'Müller'; mail = 'anna@contoso.com'; Department = 'Sales & Marketing'
            preferredLanguage = 'de-DE'; c = 'DE'; Enabled = $true; logonCount = 42; whenCreated = [datetime]'2020-01-15T10:30:00'
            proxyAddresses = [System.Collections.Generic.List[string]]@('SMTP:anna@contoso.com', 'smtp:am@contoso.com'); ObjectClass = 'user'
        }
        $bob = @{ DisplayName = 'Bob <script>'; Mail = 'bob@contoso.com'; HomePage = 'javascript:alert(1)' }
    }
    AfterEach {
        Remove-TestConfiguration
        Remove-Item -LiteralPath $htmlFile -Force -ErrorAction SilentlyContinue
        Get-Item -Path ($htmlFile -replace '\.html$', '-*.html') -ErrorAction SilentlyContinue | Remove-Item -Force
    }

    It 'renders what each recipient gets, one preview per language, without sending' {
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-DE -Subject '{{ member.givenName }} ist in {{ object }}' `
            -HtmlBody '<p>{{ member.department }}: {{ member.proxyAddresses | join: ", " }} seit {{ member.whenCreated | format_date: "d" }}, {{ member.logonCount }}x</p>' -ErrorAction Stop

        $previews = @(Get-NotificationPreview -IdentityStore Contoso -Event MemberAdded -InputObject 'sales@contoso.com' -Member $anna, $bob -ErrorAction Stop)

        $previews.Count | Should -Be 2
        $previews[0].Template | Should -BeExactly 'custom de-DE'
        $previews[0].Language | Should -BeExactly 'de-DE'
        $previews[0].Bcc | Should -BeExactly @('anna@contoso.com')
        $previews[0].Subject | Should -BeExactly 'Anna ist in sales@contoso.com'
        $previews[0].HtmlBody | Should -BeExactly '<p>Sales &amp; Marketing: SMTP:anna@contoso.com, smtp:am@contoso.com seit 15.01.2020, 42x</p>'
        $previews[0].TextBody.Trim() | Should -BeExactly 'Sales & Marketing: SMTP:anna@contoso.com, smtp:am@contoso.com seit 15.01.2020, 42x'
        $previews[1].Template | Should -BeExactly 'built-in en-US'
        $previews[1].Bcc | Should -BeExactly @('bob@contoso.com')
        $previews[1].HtmlBody | Should -BeLike '*Anna Müller, Bob &lt;script&gt; added to sales@contoso.com*'
        $previews[1].HtmlBody | Should -Not -BeLike '*<script>*'
        $previews[1].TextBody | Should -BeLike '*change your password at https://portal.contoso.com/*'
        Get-QueuedNotification -IdentityStore Contoso | Should -BeNullOrEmpty
    }

    It 'writes the HTML of the message one recipient gets to a file' {
        $preview = Get-NotificationPreview -IdentityStore Contoso -Event MemberAdded -InputObject 'sales@contoso.com' -Member $anna, $bob -Recipient bob@contoso.com -HtmlPath $htmlFile -ErrorAction Stop

        @($preview).Count | Should -Be 1
        $preview.HtmlPath | Should -BeExactly $htmlFile
        Get-Content -LiteralPath $htmlFile -Raw -Encoding utf8 | Should -BeExactly $preview.HtmlBody
        $preview | Out-String | Should -BeLike '*built-in en-US*'
    }

    It 'drops javascript: links from object data' {
        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -HtmlBody '<p><a href="{{ object.HomePage }}">home</a> <a href="{{ object.Site }}">site</a></p>' -ErrorAction Stop

        $preview = Get-NotificationPreview -IdentityStore Contoso -Event ObjectModified -InputObject @{ Name = 'Sales'; HomePage = 'javascript:alert(1)'; Site = 'https://sales.contoso.com/' } -To admin@contoso.com -ErrorAction Stop

        $preview.HtmlBody | Should -BeExactly '<p><a>home</a> <a href="https://sales.contoso.com/">site</a></p>'
    }

    It 'warns when Send-Notification would send nothing and reports an address that gets nothing' {
        $preview = Get-NotificationPreview -IdentityStore Contoso -Event ObjectModified -InputObject 'Sales' -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop
        $preview.Reason | Should -BeLike 'nobody to notify*'
        @($warned).Count | Should -Be 1

        Get-NotificationPreview -IdentityStore Contoso -Event MemberAdded -InputObject 'Sales' -Member $anna -Recipient carol@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationRecipientNotFound,MessagingProvider.Commands.GetNotificationPreviewCommand'
    }
}

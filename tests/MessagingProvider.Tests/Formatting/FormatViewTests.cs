using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Formatting;

/// <summary>
/// Every type the exported cmdlets declare in [OutputType] (and the module's types those carry in
/// their properties) has a view in MessagingProvider.Format.ps1xml that names real properties,
/// renders through PowerShell's formatter, and shows secrets masked.
/// </summary>
public sealed class FormatViewTests
{
    public static TheoryData<string> ExportedCmdlets => new TheoryData<string>(ModuleManifest.ExportedCmdlets);

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void EveryDeclaredOutputTypeHasAView(string cmdlet)
    {
        using var session = new ModuleSession();
        CmdletInfo command = Command(session, cmdlet);
        Assert.True(command.OutputType.Count > 0, $"{cmdlet} declares no [OutputType] (use typeof(void) when it returns nothing).");

        FormatViews format = FormatViews.Load();
        var missing = ReachableTypes(DeclaredTypes(command))
            .Where(t => !format.Views.Any(v => v.TypeNames.Contains(t.FullName!)))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(missing.Count == 0, $"{cmdlet} outputs {string.Join(", ", missing)} without a view: add a table view (and a list view where rows are wide) to module/MessagingProvider.Format.ps1xml.");
    }

    [Fact]
    public void EveryViewSelectsAnOutputTypeAndShowsItsRealProperties()
    {
        using var session = new ModuleSession();
        Dictionary<string, Type> types = AllOutputTypes(session).ToDictionary(t => t.FullName!);
        FormatViews format = FormatViews.Load();
        var problems = new List<string>();

        foreach (FormatView view in format.Views)
        {
            if (view.Control is not ("Table" or "List")) problems.Add($"view {view.Name} is a {view.Control} control; use a table or list");
            if (view.Items.Count == 0) problems.Add($"view {view.Name} shows nothing");
            foreach (string typeName in view.TypeNames)
            {
                if (!types.TryGetValue(typeName, out Type? type))
                {
                    problems.Add($"view {view.Name} selects {typeName}, which no exported cmdlet outputs");
                    continue;
                }

                format.Aliases.TryGetValue(typeName, out HashSet<string>? aliases);
                foreach (FormatItem item in view.Items.Where(i => i.PropertyName is not null))
                {
                    if (type.GetProperty(item.PropertyName!, BindingFlags.Public | BindingFlags.Instance) is null && aliases?.Contains(item.PropertyName!) != true)
                    {
                        problems.Add($"view {view.Name} shows {item.PropertyName}, which {typeName} does not have");
                    }
                }
            }

            foreach (FormatItem item in view.Items.Where(i => i.ScriptBlock is not null))
            {
                Parser.ParseInput(item.ScriptBlock, out _, out ParseError[] errors);
                if (errors.Length > 0) problems.Add($"view {view.Name}, column {item.Label}: script block does not parse: {errors[0].Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>One default instance of every output type, through Out-Host: the view's labels are what shows.</summary>
    [Fact]
    public void EveryOutputTypeRendersWithItsView()
    {
        var host = new CapturingHost();
        using var session = new ModuleSession(host);
        FormatViews format = FormatViews.Load();
        var problems = new List<string>();

        foreach (Type type in AllOutputTypes(session))
        {
            host.Clear();
            RunResult rendered = session.Run("$args[0] | Out-Host", Activator.CreateInstance(type));
            if (rendered.Errors.Count > 0) problems.Add($"{type.FullName}: {rendered.Errors[0].Exception.Message}");
            FormatView? view = format.Views.FirstOrDefault(v => v.TypeNames.Contains(type.FullName!));
            if (view is null) continue;
            foreach (FormatItem item in view.Items)
            {
                if (item.Label is not null && !host.Text.Contains(item.Label, StringComparison.Ordinal))
                {
                    problems.Add($"{type.FullName} rendered without its view's '{item.Label}':\n{host.Text}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SecretsShowMaskedInEveryProviderView()
    {
        const string exchangePassword = "Exch-P@ss-123";
        const string clientSecret = "Client-S3cret-Value";
        const string pfxPassword = "Pfx-P@ss-456";
        var host = new CapturingHost();
        using var session = new ModuleSession(host);
        string files = Directory.CreateDirectory(Path.Combine(session.ConfigDirectory + "-files")).FullName;
        try
        {
            string pfx = Pfx(files, pfxPassword);
            (string jsonKey, string privateKeyPem) = GoogleJsonKey(files);
            session.Run(
                "function secure([string]$text) { [System.Net.NetworkCredential]::new('', $text).SecurePassword }\n" +
                "$null = New-IdentityStore -Name Exch, O365, Google\n" +
                "Set-MessagingProvider -IdentityStore Exch -Provider Exchange -Domain contoso.com -Credential ([pscredential]::new('CONTOSO\\svc-mp', (secure $args[0]))) -Server exch01.contoso.com -Force\n" +
                "Set-MessagingProvider -IdentityStore O365 -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (secure $args[1]) -CertificatePath $args[2] -CertificatePassword (secure $args[3]) -Force\n" +
                "Set-MessagingProvider -IdentityStore Google -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $args[4] -Force",
                exchangePassword, clientSecret, pfx, pfxPassword, jsonKey).ThrowIfErrors();

            host.Clear();
            session.Run("Get-MessagingProvider | Out-Host").ThrowIfErrors();
            string text = host.Text;

            Assert.Matches(new Regex(@"^Password\s+: \*{8}$", RegexOptions.Multiline), text);
            Assert.Matches(new Regex(@"^ClientSecret\s+: \*{8}$", RegexOptions.Multiline), text);
            Assert.Matches(new Regex(@"^Key\s+: \*{8}$", RegexOptions.Multiline), text);
            Assert.Matches(new Regex(@"^Certificate\s+: CN=MessagingProvider format test \([0-9A-F]{40}, expires \d{4}-\d{2}-\d{2}\)$", RegexOptions.Multiline), text);
            foreach (string secret in new[] { exchangePassword, clientSecret, pfxPassword, "PRIVATE KEY", privateKeyPem.Split('\n')[1] })
            {
                Assert.DoesNotContain(secret, text);
            }
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    private static CmdletInfo Command(ModuleSession session, string cmdlet) =>
        (CmdletInfo)session.Run("Get-Command -Name $args[0] -CommandType Cmdlet", cmdlet).Single().BaseObject;

    private static IEnumerable<Type> DeclaredTypes(CmdletInfo command) =>
        command.OutputType.Select(t => t.Type).Where(t => t is not null && t != typeof(void)).Cast<Type>();

    private static List<Type> AllOutputTypes(ModuleSession session) =>
        ReachableTypes(ModuleManifest.ExportedCmdlets.SelectMany(c => DeclaredTypes(Command(session, c)))).ToList();

    /// <summary>The declared types and the module's own classes their public properties hold (e.g. ExchangeServerInfo[] in Servers, List&lt;SmtpTestStageResult&gt; in Stages).</summary>
    private static IEnumerable<Type> ReachableTypes(IEnumerable<Type> declared)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(declared);
        while (pending.Count > 0)
        {
            Type type = pending.Dequeue();
            if (!seen.Add(type)) continue;
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Type held = ElementType(property.PropertyType);
                if (held.IsClass && held.Namespace?.StartsWith("MessagingProvider", StringComparison.Ordinal) == true) pending.Enqueue(held);
            }
        }

        return seen.OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    /// <summary>T of T[] and of generic collections (List&lt;T&gt;, IReadOnlyList&lt;T&gt;...), else the type itself.</summary>
    private static Type ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType()!;
        Type? enumerable = type == typeof(string) ? null : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? type;
    }

    private static string Pfx(string directory, string password)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MessagingProvider format test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        string path = Path.Combine(directory, "format-test.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private static (string Path, string Pem) GoogleJsonKey(string directory)
    {
        using RSA rsa = RSA.Create(2048);
        string pem = rsa.ExportPkcs8PrivateKeyPem();
        string path = Path.Combine(directory, "google-key.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "service_account",
            private_key_id = "0123456789abcdef",
            private_key = pem,
            client_email = "messaging@contoso-project.iam.gserviceaccount.com",
        }));
        return (path, pem);
    }
}

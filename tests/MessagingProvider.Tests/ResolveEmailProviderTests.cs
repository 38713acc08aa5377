using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>One dnsmasq for the class, serving the MX records of the well-known providers and a few broken domains.</summary>
public sealed class DnsFixture : System.IDisposable
{
    public DnsmasqServer Dns { get; } = new DnsmasqServer(new[]
    {
        "--mx-host=o365.test,o365-test.mail.protection.outlook.com,0",
        "--mx-host=m365dnssec.test,m365dnssec-test.o-v1.mx.microsoft,0",
        "--mx-host=outlookcom.test,hotmail-com.olc.protection.outlook.com,2",
        "--mx-host=workspace.test,aspmx.l.google.com,1",
        "--mx-host=workspace.test,alt1.aspmx.l.google.com,5",
        "--mx-host=workspace-new.test,smtp.google.com,1",
        "--mx-host=workspace-old.test,aspmx2.googlemail.com,10",
        "--mx-host=gmail.test,gmail-smtp-in.l.google.com,5",
        "--mx-host=yahoo.test,mta5.am0.yahoodns.net,1",
        "--mx-host=icloud.test,mx01.mail.icloud.com,10",
        "--mx-host=zoho.test,mx.zoho.eu,10",
        "--mx-host=fastmail.test,in1-smtp.messagingengine.com,10",
        "--mx-host=proton.test,mail.protonmail.ch,10",
        "--mx-host=hybrid.test,gateway.hybrid.test,5",
        "--mx-host=hybrid.test,hybrid-test.mail.protection.outlook.com,10",
        "--mx-host=fabrikam.test,mx1.fabrikam.test,10",
        "--mx-host=fabrikam.test,mx2.fabrikam.test,20",
        "--host-record=nomx.test,127.0.0.9",
        "--local=/nomx.test/",
        "--address=/nx.test/",
    });

    public void Dispose() => Dns.Dispose();
}

public sealed class ResolveEmailProviderTests : IClassFixture<DnsFixture>
{
    private readonly DnsmasqServer _dns;

    public ResolveEmailProviderTests(DnsFixture fixture) => _dns = fixture.Dns;

    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    [Theory]
    [InlineData("anna@o365.test", "Office365", "o365-test.mail.protection.outlook.com", "MX *.mail.protection.outlook.com")]
    [InlineData("anna@m365dnssec.test", "Office365", "m365dnssec-test.o-v1.mx.microsoft", "MX *.mx.microsoft")]
    [InlineData("anna@outlookcom.test", "OutlookCom", "hotmail-com.olc.protection.outlook.com", "MX *.olc.protection.outlook.com")]
    [InlineData("anna@workspace.test", "GoogleWorkspace", "aspmx.l.google.com", "MX aspmx.l.google.com")]
    [InlineData("anna@workspace-new.test", "GoogleWorkspace", "smtp.google.com", "MX smtp.google.com")]
    [InlineData("anna@workspace-old.test", "GoogleWorkspace", "aspmx2.googlemail.com", "MX *.googlemail.com")]
    [InlineData("anna@gmail.test", "Gmail", "gmail-smtp-in.l.google.com", "MX gmail-smtp-in.l.google.com")]
    [InlineData("anna@yahoo.test", "Yahoo", "mta5.am0.yahoodns.net", "MX *.yahoodns.net")]
    [InlineData("anna@icloud.test", "ICloud", "mx01.mail.icloud.com", "MX *.mail.icloud.com")]
    [InlineData("anna@zoho.test", "Zoho", "mx.zoho.eu", "MX *.zoho.eu")]
    [InlineData("anna@fastmail.test", "Fastmail", "in1-smtp.messagingengine.com", "MX *.messagingengine.com")]
    [InlineData("anna@proton.test", "Proton", "mail.protonmail.ch", "MX *.protonmail.ch")]
    [InlineData("anna@hybrid.test", "Office365", "hybrid-test.mail.protection.outlook.com", "MX *.mail.protection.outlook.com")]
    public void KnownMxHostsDecideTheProvider(string address, string provider, string matchedHost, string rule)
    {
        using var session = new ModuleSession();
        PSObject result = session.Run("Resolve-EmailProvider -EmailAddress $args[0] -DnsServer $args[1]", address, _dns.Address).Single();
        Assert.Equal("MessagingProvider.Output.EmailProviderResolution", result.TypeNames[0]);
        Assert.Equal(provider, Prop(result, "Provider")!.ToString());
        Assert.Equal("MxRecord", Prop(result, "DecidedBy")!.ToString());
        Assert.Equal(matchedHost, Prop(result, "MatchedHost"));
        Assert.Equal(rule, Prop(result, "Rule"));
        Assert.Equal("Ok", Prop(result, "DnsStatus")!.ToString());
    }

    [Fact]
    public void MxHostsComeInPreferenceOrderAndUnknownHostsMeanUnknown()
    {
        using var session = new ModuleSession();
        PSObject result = session.Run("'carl@fabrikam.test' | Resolve-EmailProvider -DnsServer $args[0]", _dns.Address).Single();
        Assert.Equal("Unknown", Prop(result, "Provider")!.ToString());
        Assert.Equal("NoKnownMxHost", Prop(result, "DecidedBy")!.ToString());
        Assert.Equal(new[] { "mx1.fabrikam.test", "mx2.fabrikam.test" }, (string[])Prop(result, "MxHosts")!);
        Assert.Null(Prop(result, "MatchedHost"));

        PSObject hybrid = session.Run("Resolve-EmailProvider -EmailAddress anna@hybrid.test -DnsServer $args[0]", _dns.Address).Single();
        Assert.Equal(new[] { "gateway.hybrid.test", "hybrid-test.mail.protection.outlook.com" }, (string[])Prop(hybrid, "MxHosts")!);
    }

    [Fact]
    public void TheProviderDomainsTableComesFirstAndAccountsPipeIn()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers + @"
            Add-EmailProviderDomain -IdentityStore Contoso -Domain o365.test -MailServer 'Fabrikam EWS'
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress anna@o365.test -Login anna -Password (secure 'P@ss-1')
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@workspace.test -MailServer 'Contoso IMAP' -Password (secure 'P@ss-2')").ThrowIfErrors();

        PSObject[] results = session.Run("Get-MailAccount -IdentityStore Contoso | Resolve-EmailProvider -DnsServer $args[0]", _dns.Address).ThrowIfErrors().Output.ToArray();
        Assert.Equal(2, results.Length);
        PSObject table = results.Single(r => (string)Prop(r, "EmailAddress")! == "anna@o365.test");
        Assert.Equal("MailServer", Prop(table, "Provider")!.ToString());
        Assert.Equal("ProviderDomainTable", Prop(table, "DecidedBy")!.ToString());
        Assert.Equal("Fabrikam EWS", Prop(table, "MailServer"));
        Assert.Equal("Exchange", Prop(table, "ServiceType")!.ToString());
        Assert.Equal("NotQueried", Prop(table, "DnsStatus")!.ToString());
        PSObject mx = results.Single(r => (string)Prop(r, "EmailAddress")! == "ben@workspace.test");
        Assert.Equal("GoogleWorkspace", Prop(mx, "Provider")!.ToString());

        PSObject withoutStore = session.Run("Resolve-EmailProvider -EmailAddress anna@o365.test -DnsServer $args[0]", _dns.Address).Single();
        Assert.Equal("Office365", Prop(withoutStore, "Provider")!.ToString());
    }

    [Fact]
    public void NxDomainIsReportedInTheResultAndAsANonTerminatingError()
    {
        using var session = new ModuleSession();
        RunResult run = session.Run("Resolve-EmailProvider -EmailAddress anna@typo.nx.test, carl@fabrikam.test -DnsServer $args[0]", _dns.Address);
        Assert.Equal(2, run.Output.Count);
        PSObject result = run.Output[0];
        Assert.Equal("NxDomain", Prop(result, "DnsStatus")!.ToString());
        Assert.Equal("DnsError", Prop(result, "DecidedBy")!.ToString());
        Assert.Equal("Unknown", Prop(result, "Provider")!.ToString());
        ErrorRecord error = run.SingleError();
        Assert.Equal("EmailDomainNotFound,MessagingProvider.Commands.ResolveEmailProviderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("anna@typo.nx.test", error.TargetObject);
        Assert.Equal("NoKnownMxHost", Prop(run.Output[1], "DecidedBy")!.ToString());
    }

    [Fact]
    public void ADomainWithoutMxRecordsIsUnknownWithoutAnError()
    {
        using var session = new ModuleSession();
        PSObject result = session.Run("Resolve-EmailProvider -EmailAddress anna@nomx.test -DnsServer $args[0]", _dns.Address).Single();
        Assert.Equal("NoMxRecords", Prop(result, "DnsStatus")!.ToString());
        Assert.Equal("Unknown", Prop(result, "Provider")!.ToString());
    }

    [Fact]
    public void ADnsServerThatNeverAnswersIsATimeoutNotAnException()
    {
        using var silent = new SilentUdpServer();
        using var session = new ModuleSession();
        RunResult run = session.Run("Resolve-EmailProvider -EmailAddress anna@o365.test -DnsServer $args[0] -TimeoutSeconds 1", silent.Address);
        Assert.False(run.Terminating);
        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Timeout", Prop(result, "DnsStatus")!.ToString());
        Assert.Equal("DnsError", Prop(result, "DecidedBy")!.ToString());
        ErrorRecord error = run.SingleError();
        Assert.Equal("DnsQueryTimeout,MessagingProvider.Commands.ResolveEmailProviderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("-TimeoutSeconds", error.Exception.Message);
    }

    [Fact]
    public void StoppingTheCommandCancelsAQueryThatHangs()
    {
        using var silent = new SilentUdpServer();
        using var session = new ModuleSession();
        using var ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddScript("Resolve-EmailProvider -EmailAddress anna@o365.test -DnsServer $args[0] -TimeoutSeconds 60").AddArgument(silent.Address);
        var output = new PSDataCollection<PSObject>();
        System.IAsyncResult running = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(silent.Queried.Wait(System.TimeSpan.FromSeconds(30)), "Resolve-EmailProvider never queried");

        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Empty(output); // a result would mean it ran into its 60 s timeout instead of stopping
    }

    [Fact]
    public void ADomainTheServerRefusesIsADnsFailure()
    {
        using var session = new ModuleSession();
        RunResult run = session.Run("Resolve-EmailProvider -EmailAddress anna@elsewhere.example -DnsServer $args[0]", _dns.Address);
        Assert.Equal("Failed", Prop(Assert.Single(run.Output), "DnsStatus")!.ToString());
        Assert.Equal("DnsQueryFailed,MessagingProvider.Commands.ResolveEmailProviderCommand", run.SingleError().FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Resolve-EmailProvider -EmailAddress 'not an address' -DnsServer 127.0.0.1:1", "InvalidEmailAddress", ErrorCategory.InvalidArgument)]
    [InlineData("Resolve-EmailProvider -EmailAddress a@b.test -DnsServer dns.contoso.com", "InvalidDnsServer", ErrorCategory.InvalidArgument)]
    [InlineData("Resolve-EmailProvider -EmailAddress a@b.test -DnsServer 127.0.0.1:70000", "InvalidDnsServer", ErrorCategory.InvalidArgument)]
    [InlineData("Resolve-EmailProvider -EmailAddress a@b.test -IdentityStore Nowhere -DnsServer 127.0.0.1:1", "IdentityStoreNotFound", ErrorCategory.ObjectNotFound)]
    public void BadInputIsASpecificError(string script, string errorId, ErrorCategory category)
    {
        using var session = new ModuleSession();
        RunResult run = session.Run(script);
        ErrorRecord error = run.SingleError();
        Assert.Equal($"{errorId},MessagingProvider.Commands.ResolveEmailProviderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Empty(run.Output);
    }
}

using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Smtp;

public sealed class NotificationRecipientCommandTests
{
    private static string[] Listed(ModuleSession session, string kind) =>
        session.Run("Get-NotificationRecipient -IdentityStore Contoso -Kind $args[0]", kind).ThrowIfErrors().Output
            .Select(o => (string)o.Properties["Address"].Value).ToArray();

    [Fact]
    public void ArraysAndSemicolonStringsAreAcceptedAndDuplicatesIgnoredCaseInsensitively()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();

        var added = session.Run("Add-NotificationRecipient -IdentityStore Contoso -To 'helpdesk@contoso.com; Audit <audit@contoso.com>' -Cc @('boss@contoso.com', 'HELPDESK@contoso.com') -PassThru").ThrowIfErrors().Output;
        session.Run("Add-NotificationRecipient -IdentityStore Contoso -To Helpdesk@Contoso.com -Cc 'it@contoso.com;'").ThrowIfErrors();

        Assert.Equal(new[] { "To:helpdesk@contoso.com", "To:audit@contoso.com", "Cc:boss@contoso.com" },
            added.Select(o => $"{o.Properties["Kind"].Value}:{o.Properties["Address"].Value}").ToArray());
        Assert.Equal(new[] { "helpdesk@contoso.com", "audit@contoso.com" }, Listed(session, "To"));
        Assert.Equal(new[] { "boss@contoso.com", "it@contoso.com" }, Listed(session, "Cc"));
    }

    [Fact]
    public void OneInvalidAddressRejectsTheWholeCallAndNothingIsStored()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();
        var before = session.Snapshot();

        ErrorRecord error = session.Run("Add-NotificationRecipient -IdentityStore Contoso -To 'ok@contoso.com; not-an-address' -Cc 'fine@contoso.com'").SingleError();

        Assert.Equal("InvalidEmailAddress,MessagingProvider.Commands.AddNotificationRecipientCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'not-an-address'", error.Exception.Message);
        var after = session.Snapshot();
        foreach (var pair in before) Assert.Equal(pair.Value, after[pair.Key]);
        Assert.Empty(Listed(session, "To"));
    }

    [Fact]
    public void RemoveTakesAddressesOffAndReportsOnesThatWereNotThere()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();
        session.Run("Add-NotificationRecipient -IdentityStore Contoso -To 'a@contoso.com;b@contoso.com' -Cc c@contoso.com").ThrowIfErrors();

        RunResult run = session.Run("Remove-NotificationRecipient -IdentityStore Contoso -To 'A@contoso.com; nobody@contoso.com' -Cc c@contoso.com");

        Assert.Equal("NotificationRecipientNotFound,MessagingProvider.Commands.RemoveNotificationRecipientCommand", run.SingleError().FullyQualifiedErrorId);
        Assert.Equal(new[] { "b@contoso.com" }, Listed(session, "To"));
        Assert.Empty(Listed(session, "Cc"));
    }

    [Fact]
    public void WhatIfStoresNothing()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();

        session.Run("Add-NotificationRecipient -IdentityStore Contoso -To a@contoso.com -WhatIf").ThrowIfErrors();

        Assert.Empty(Listed(session, "To"));
    }
}

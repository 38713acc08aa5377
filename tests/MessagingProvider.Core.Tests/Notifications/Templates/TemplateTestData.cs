using System;
using System.Globalization;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Templates;

namespace MessagingProvider.Core.Tests.Notifications.Templates;

/// <summary>Objects shaped as Get-ADUser -Properties *, Get-ADGroup and Exchange recipients hand them to Core.</summary>
internal static class TemplateTestData
{
    public static DirectoryObject AdUser(string name, string mail, string? preferredLanguage = null)
    {
        var user = new DirectoryObject { Name = name, Mail = mail, Kind = DirectoryObjectKind.User };
        PropertyBag p = user.Properties;
        p["AccountExpirationDate"] = null;
        p["accountExpires"] = 9223372036854775807L;
        p["AccountLockoutTime"] = null;
        p["CannotChangePassword"] = false;
        p["City"] = "München";
        p["CN"] = name;
        p["Company"] = "Contoso Ltd.";
        p["Country"] = "DE";
        p["c"] = "DE";
        p["co"] = "Germany";
        p["Department"] = "Sales & Marketing";
        p["Description"] = "Account manager \"EMEA\"";
        p["DisplayName"] = name;
        p["DistinguishedName"] = $"CN={name},OU=Users,DC=contoso,DC=com";
        p["EmailAddress"] = mail;
        p["EmployeeID"] = "E-1042";
        p["Enabled"] = true;
        p["GivenName"] = name.Split(' ')[0];
        p["HomeDirectory"] = @"\\files\home\" + name.Split(' ')[0];
        p["LastLogonDate"] = new DateTime(2026, 11, 30, 8, 15, 0);
        p["logonCount"] = 1234;
        p["mail"] = mail;
        p["Manager"] = "CN=Boss,OU=Users,DC=contoso,DC=com";
        p["MemberOf"] = new object?[] { "CN=Sales,OU=Groups,DC=contoso,DC=com", "CN=VPN,OU=Groups,DC=contoso,DC=com" };
        p["MobilePhone"] = "+49 170 1234567";
        p["ObjectClass"] = "user";
        p["ObjectGUID"] = "0f5a7c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b";
        p["Office"] = "Room 4.12";
        p["PasswordLastSet"] = new DateTime(2026, 10, 1, 9, 0, 0);
        p["PasswordNeverExpires"] = false;
        p["PostalCode"] = "80331";
        p["proxyAddresses"] = new object?[] { "SMTP:" + mail, "smtp:alias@contoso.com", "X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=" + name.Split(' ')[0] };
        p["SamAccountName"] = name.Split(' ')[0].ToLowerInvariant();
        p["SID"] = "S-1-5-21-1004336348-1177238915-682003330-1104";
        p["StreetAddress"] = "Marienplatz 1";
        p["Surname"] = name.Split(' ')[name.Split(' ').Length - 1];
        p["telephoneNumber"] = "+49 89 1234-0";
        p["Title"] = "Account Manager";
        p["UserPrincipalName"] = mail;
        p["whenCreated"] = new DateTime(2020, 1, 15, 10, 30, 0);
        if (preferredLanguage is not null) p["preferredLanguage"] = preferredLanguage;
        return user;
    }

    public static DirectoryObject AdGroup(string name, string mail)
    {
        var group = new DirectoryObject { Name = name, Mail = mail, Kind = DirectoryObjectKind.Group };
        group.Properties["GroupCategory"] = "Security";
        group.Properties["GroupScope"] = "Universal";
        group.Properties["info"] = "Notes: <b>bold</b>";
        group.Properties["mail"] = mail;
        group.Properties["Name"] = name;
        return group;
    }

    public static NotificationSettings Settings() => new NotificationSettings();

    public static TemplateData Data(NotificationRequest request, string culture = "en-US", string? portalUrl = null) =>
        new TemplateData("Contoso", request, portalUrl, CultureInfo.GetCultureInfo(culture)) { Today = new DateTime(2026, 12, 6) };

    public static SelectedTemplate Custom(string subject, string? html, string? text = null, string culture = "en-US") =>
        new SelectedTemplate(new NotificationTemplate { Subject = subject, Html = html, Text = text }, CultureInfo.GetCultureInfo(culture), isCustom: true, culture);

    public static RenderedContent Render(NotificationRequest request, string subject, string? html, string? text = null, string culture = "en-US", string? portalUrl = null) =>
        ContentRenderer.Render(Custom(subject, html, text, culture), Data(request, culture, portalUrl));
}

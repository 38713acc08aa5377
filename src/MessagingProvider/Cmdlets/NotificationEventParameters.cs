using System;
using System.Management.Automation;
using MessagingProvider.Notifications;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>The event a notification is about (Send-Notification, Get-NotificationPreview).</summary>
internal sealed class NotificationEventParameters
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public NotificationEvent Event { get; set; }

    /// <summary>The group or user the event is about: AD objects, [pscustomobject]s, hashtables, or addresses.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object InputObject { get; set; } = null!;

    /// <summary>Members added/removed, or the temporary member / additional owner of a life-cycle event.</summary>
    [Parameter]
    public object[]? Member { get; set; }

    /// <summary>Who made the change (notified when the policy says so and it is a mail-enabled user).</summary>
    [Parameter]
    public object? ChangedBy { get; set; }

    [Parameter]
    public DateTime? ExpirationDate { get; set; }

    [Parameter]
    public string[]? To { get; set; }

    [Parameter]
    public string[]? Cc { get; set; }

    public NotificationRequest ToRequest() => NotificationRequestReader.Read(Event, InputObject, Member, ChangedBy, ExpirationDate, To, Cc);
}

using MessagingProvider.Recipients;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>A group of parameters that fills part of a mail-enabled object request.</summary>
internal interface IMailEnabledObjectParameters
{
    /// <summary>Checks the group's own input before the store is read; throws a core error when it is wrong.</summary>
    void Check();

    void AddTo(MailEnabledObjectRequest request);
}

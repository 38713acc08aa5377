using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Exchange;

/// <summary>
/// Runs one Exchange cmdlet, on premises (remote PowerShell) or in Exchange Online (REST admin
/// API), and returns its output. A failure of the cmdlet is a MessagingProviderException
/// carrying Exchange's own message.
/// </summary>
public interface IExchangeCommandRunner
{
    /// <param name="commandName">For example New-DistributionGroup.</param>
    /// <param name="parameters">Parameter name to value; a switch is <c>true</c>.</param>
    Task<IReadOnlyList<PSObject>> InvokeAsync(string commandName, IDictionary parameters, CancellationToken cancellationToken);
}

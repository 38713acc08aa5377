using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>
/// A fresh runspace of the hosted PowerShell 7.6 engine with the built module imported, and a
/// private configuration directory (MESSAGINGPROVIDER_CONFIG_PATH). Tests in this assembly run
/// one at a time because that variable is process-wide.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="host">A host to render output to (see <see cref="CapturingHost"/>); none by default.</param>
    public ModuleSession(PSHost? host = null)
    {
        ConfigDirectory = Path.Combine(Path.GetTempPath(), "mp-tests-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("MESSAGINGPROVIDER_CONFIG_PATH", ConfigDirectory);
        _runspace = host is null
            ? RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2())
            : RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        Run("Import-Module -Name $args[0] -ErrorAction Stop", RepoPaths.ModuleManifest).ThrowIfErrors();
    }

    public string ConfigDirectory { get; }

    public Runspace Runspace => _runspace;

    /// <summary>Runs a script; <c>$args</c> holds <paramref name="arguments"/>.</summary>
    public RunResult Run(string script, params object?[] arguments)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (object? argument in arguments) ps.AddArgument(argument);
        Collection<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            return new RunResult(new Collection<PSObject>(), new List<ErrorRecord> { e.ErrorRecord }, ps.Streams, terminating: true);
        }

        return new RunResult(output, ps.Streams.Error.ToList(), ps.Streams, terminating: false);
    }

    /// <summary>
    /// Starts <paramref name="command"/> in this session, waits until <paramref name="started"/>
    /// says the server got its request, stops it as Ctrl+C does, and checks that it stopped.
    /// </summary>
    public void StopWhenStarted(Action<PowerShell> command, Func<bool> started)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        command(ps);
        IAsyncResult running = ps.BeginInvoke();
        SpinWait.SpinUntil(started, TimeSpan.FromSeconds(30));
        Assert.True(started(), "The command never reached the server.");

        ps.Stop();

        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
    }

    /// <summary>
    /// Runs a script that must be refused: exactly one error with this id and category, and the
    /// stored configuration byte for byte as before. Returns the error for further checks.
    /// </summary>
    public ErrorRecord RunRefused(string script, string fullyQualifiedErrorId, ErrorCategory category)
    {
        var before = Snapshot();
        ErrorRecord error = Run(script).SingleError();
        Assert.Equal(fullyQualifiedErrorId, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        AssertUnchanged(before, Snapshot());
        return error;
    }

    public static void AssertUnchanged(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        foreach (var pair in before) Assert.True(pair.Value.SequenceEqual(after[pair.Key]), $"{pair.Key} changed");
    }

    /// <summary>Every file under the configuration directory, as bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Directory.Exists(ConfigDirectory)
            ? Directory.GetFiles(ConfigDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".locks" + Path.DirectorySeparatorChar))
                .ToDictionary(f => f, File.ReadAllBytes)
            : new Dictionary<string, byte[]>();

    public void Dispose()
    {
        _runspace.Dispose();
        Environment.SetEnvironmentVariable("MESSAGINGPROVIDER_CONFIG_PATH", null);
        try
        {
            if (Directory.Exists(ConfigDirectory)) Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class RunResult
{
    public RunResult(Collection<PSObject> output, List<ErrorRecord> errors, PSDataStreams streams, bool terminating)
    {
        Output = output;
        Errors = errors;
        Warnings = streams.Warning.Select(w => w.Message).ToList();
        Verbose = streams.Verbose.Select(v => v.Message).ToList();
        Terminating = terminating;
    }

    public Collection<PSObject> Output { get; }
    public List<ErrorRecord> Errors { get; }
    public List<string> Warnings { get; }
    public List<string> Verbose { get; }
    public bool Terminating { get; }

    public RunResult ThrowIfErrors()
    {
        if (Errors.Count > 0)
        {
            throw new InvalidOperationException("PowerShell reported errors:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e.Exception.Message}")));
        }

        return this;
    }

    public PSObject Single() => Assert.Single(ThrowIfErrors().Output);

    public ErrorRecord SingleError() => Assert.Single(Errors);
}

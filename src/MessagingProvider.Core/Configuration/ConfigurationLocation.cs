using System;
using System.IO;
using System.Runtime.InteropServices;

namespace MessagingProvider.Configuration;

/// <summary>Where identity-store documents live.</summary>
public static class ConfigurationLocation
{
    public const string EnvironmentVariable = "MESSAGINGPROVIDER_CONFIG_PATH";

    /// <summary>
    /// MESSAGINGPROVIDER_CONFIG_PATH when set (scheduled jobs, tests); otherwise per user:
    /// %APPDATA%\MessagingProvider on Windows, $HOME/.config/MessagingProvider elsewhere.
    /// Read on every call so a job that sets the variable at run time is honoured.
    /// </summary>
    public static string Resolve()
    {
        string? overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden!.Trim());

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "MessagingProvider");
        }

        string home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".config", "MessagingProvider");
    }
}

using System;
using System.Diagnostics;
using System.IO;

namespace MessagingProvider.TestSupport.Browser;

/// <summary>Debian's Chromium, headless, turning an HTML file into a PNG screenshot.</summary>
public static class HeadlessChromium
{
    public static string? Path => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" } is var candidates ? Array.Find(candidates, File.Exists) : null;

    public static void Screenshot(string htmlPath, string pngPath, int width = 800, int height = 1000, bool dark = false)
    {
        string chromium = Path ?? throw new InvalidOperationException("Chromium is not installed (tests/apt-packages.txt: chromium).");
        string profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mp-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + profile, $"--screenshot={pngPath}", $"--window-size={width},{height}",
            dark ? "--blink-settings=preferredColorScheme=0" : "--blink-settings=preferredColorScheme=1",
            new Uri(System.IO.Path.GetFullPath(htmlPath)).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not write {pngPath} within 60 s.");
            }

            if (!File.Exists(pngPath)) throw new InvalidOperationException($"Chromium wrote no screenshot (exit {process.ExitCode}): {error.Result}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

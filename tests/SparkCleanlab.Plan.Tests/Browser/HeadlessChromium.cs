using System.Diagnostics;
using System.Globalization;

namespace SparkCleanlab.Plan.Tests.Browser;

/// <summary>Runs Chromium headless on a local file: the DOM it built, what it logged to the console, and screenshots.</summary>
internal sealed class HeadlessChromium(string executable)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser named by $CHROMIUM, or the first of the usual names on PATH; null when there is none.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Loads <paramref name="page"/> at the given window width and returns the serialized DOM and the console messages.</summary>
    public (string Dom, IReadOnlyList<string> Console) DumpDom(string page, int width)
    {
        var (stdout, stderr) = Run(page, "--dump-dom", $"--window-size={width},900", "--enable-logging=stderr", "--v=0");

        // Chromium logs every console message of the page, errors included, as a CONSOLE line.
        var console = stderr.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        return (stdout, console);
    }

    /// <summary>Saves a screenshot of <paramref name="page"/> in a window of the given size.</summary>
    public void Screenshot(string page, string png, int width, int height)
    {
        File.Delete(png);
        Run(page, "--screenshot=" + png, string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), "--hide-scrollbars");
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot to {png}.");
    }

    private (string Stdout, string Stderr) Run(string page, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // Root in a container needs --no-sandbox; a fresh profile keeps parallel runs apart.
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile.FullName }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish {page} within {Timeout.TotalSeconds} s.");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
            return (stdout.Result, stderr.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

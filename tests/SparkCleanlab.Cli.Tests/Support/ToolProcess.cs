using System.Diagnostics;

namespace SparkCleanlab.Cli.Tests.Support;

/// <summary>Runs the built <c>sparkcleanlab</c> tool, or any program, as a process and collects what it printed.</summary>
internal static class ToolProcess
{
    /// <summary>A start of <paramref name="program"/> with <paramref name="args"/> and both outputs redirected.</summary>
    public static ProcessStartInfo Start(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>A start of the tool this test project built, as <c>dotnet sparkcleanlab.dll</c>.</summary>
    public static ProcessStartInfo StartTool(IEnumerable<string> args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "sparkcleanlab.dll"), .. args]);

    /// <summary>Runs the tool to its end.</summary>
    public static (int Code, string Output, string Error) RunTool(params IEnumerable<string> args) => Run(StartTool(args));

    /// <summary>Runs <paramref name="start"/> to its end; both outputs are read at once so neither pipe fills.</summary>
    public static (int Code, string Output, string Error) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}

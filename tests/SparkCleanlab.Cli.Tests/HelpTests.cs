using System.CommandLine;
using SparkCleanlab.Cli.Commands;
using SparkCleanlab.CommandLine.Help;

namespace SparkCleanlab.Cli.Tests;

public class HelpTests
{
    public static TheoryData<string> Commands() => [.. Verbs.Create().Select(v => v.Name)];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpListsEveryOptionTheCommandAcceptsWithItsValue(string name)
    {
        var (code, help, error) = await RunAsync(name, "--help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var command = Verbs.Create().Single(v => v.Name == name).Command;
        foreach (var option in command.Options.Where(o => o.Name is not "--help" and not "--version"))
        {
            var label = option.Arity.MaximumNumberOfValues == 0 ? option.Name : $"{option.Name} {option.HelpName}";
            Assert.Contains("  " + label, help);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpWinsOverErrorsElsewhereOnTheLine(string name)
    {
        var (code, help, _) = await RunAsync(name, "--bogus", "-h");

        Assert.Equal(0, code);
        Assert.StartsWith($"Usage: sparkcleanlab {name}", help);
    }

    [Fact]
    public async Task GenerateStatesItsDefaultsFromTheOptionsRecord()
    {
        var defaults = new GenerateOptions();
        var (_, help, _) = await RunAsync("generate", "--help");
        var flat = help.ReplaceLineEndings(" ").Replace(new string(' ', 36), "", StringComparison.Ordinal);

        Assert.Contains($"(default {defaults.Rows})", flat);
        Assert.Contains($"(default {defaults.Seed})", flat);
        Assert.Contains($"(default {defaults.Format})", flat);
    }

    [Fact]
    public void EveryCommandHasExamplesThatStartWithItsName()
    {
        foreach (var verb in Verbs.Create())
        {
            Assert.NotEmpty(verb.Help.Examples);
            Assert.All(verb.Help.Examples, e => Assert.StartsWith($"sparkcleanlab {verb.Name} ", e));
        }
    }

    [Fact]
    public void HelpWrapsLongDescriptionsInTheirColumn()
    {
        using var text = new StringWriter();
        var option = new Option<bool>("--long") { Description = string.Join(' ', Enumerable.Repeat("word", 40)), Arity = ArgumentArity.Zero };
        HelpWriter.Write(new CommandHelp("x", "y", [new("Group", [option])], []), text, 80);

        var lines = text.ToString().ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains("word", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.All(lines[1..], l => Assert.StartsWith(new string(' ', 36) + "word", l));
    }
}

namespace SparkCleanlab.ML.Tests.Support;

/// <summary>Captures what an action writes to the console; tests using it share one collection so they never overlap.</summary>
[CollectionDefinition(nameof(ConsoleOutput))]
public sealed class ConsoleOutput
{
    public static string Capture(Action action)
    {
        TextWriter original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(original);
        }

        return writer.ToString();
    }
}

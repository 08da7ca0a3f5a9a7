using System.IO.Compression;
using System.Xml.Linq;
using SparkCleanlab.Cli.Tests.Support;

namespace SparkCleanlab.Cli.Tests;

/// <summary><c>dotnet pack</c> makes a .NET tool that installs as <c>sparkcleanlab</c> and runs.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PackMakesAToolThatInstallsAndRuns()
    {
        string packages = _temp.Combine("packages");
        // The test run has built the job already: pack what it built, in the same configuration.
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string project = Path.Combine(RepositoryPaths.Root, "jobs", "SparkCleanlab.Cli");
        var pack = Dotnet("pack", project, "-c", configuration, "--no-build", "-o", packages, "-nologo");
        Assert.True(pack.Code == 0, pack.Output + pack.Error);

        string package = Assert.Single(Directory.GetFiles(packages, "sparkcleanlab.*.nupkg"));
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            ZipArchiveEntry settings = Assert.Single(archive.Entries, e => e.Name == "DotnetToolSettings.xml");
            using Stream stream = settings.Open();
            XElement command = XDocument.Load(stream).Descendants("Command").Single();
            Assert.Equal("sparkcleanlab", (string?)command.Attribute("Name"));
            Assert.Equal("sparkcleanlab.dll", (string?)command.Attribute("EntryPoint"));
        }

        string tools = _temp.Combine("tools");
        var install = Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "sparkcleanlab");
        Assert.True(install.Code == 0, install.Output + install.Error);
        var help = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "sparkcleanlab.exe" : "sparkcleanlab"), "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("find-issues", help.Output);
    }

    private static (int Code, string Output, string Error) Dotnet(params string[] args) => Run("dotnet", args);

    private static (int Code, string Output, string Error) Run(string program, params string[] args) => ToolProcess.Run(ToolProcess.Start(program, args));
}

using System.Diagnostics;

namespace SparkCleanlab.SparkPlan.Tests.Submit;

public sealed class SubmitDryRunTests(SubmitEnvironment env) : IClassFixture<SubmitEnvironment>
{
    private const string Runner = "org.apache.spark.deploy.dotnet.DotnetRunner";

    private static string Repo => RepositoryLayout.Root;

    private static string PublishFolder => Path.Combine(Repo, "out", "spark-app", "SparkCleanlab.Spark");

    private static string[] SparkSubmitHead(string master, string mode) =>
    [
        "spark-submit", "--class", Runner, "--master", master, "--deploy-mode", mode,
        "--name", "sparkcleanlab", "--conf", "spark.dotnet.ignoreSparkPatchVersionCheck=true",
    ];

    [Theory]
    [InlineData("local")]
    [InlineData("local[*]")]
    [InlineData("local[2]")]
    [InlineData("local[4,3]")]
    public void LocalMasterPublishesThenRunsTheExecutableInClientMode(string master)
    {
        var run = env.Run("--dry-run", "--master", master, "--input", "in", "--output", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["dotnet", "publish", Path.Combine(Repo, "jobs", "SparkCleanlab.Spark"), "-c", "Release", "-o", PublishFolder],
            run.Commands[0]);
        Assert.Equal(
            [.. SparkSubmitHead(master, "client"), env.JarPath, Path.Combine(PublishFolder, "SparkCleanlab.Spark"),
                "find-issues", "--input", "in", "--output", "out"],
            run.FinalCommand);
    }

    [Fact]
    public void DefaultMasterIsAllLocalCoresInClientMode()
    {
        var run = env.Run("--dry-run", "--input", "in");

        Assert.Equal(SparkSubmitHead("local[*]", "client"), run.FinalCommand.Take(11));
    }

    [Theory]
    [InlineData("yarn")]
    [InlineData("spark://head:7077")]
    [InlineData("spark://head1:7077,head2:7077")]
    public void ClientModeOnAClusterRunsTheDriverHere(string master)
    {
        var run = env.Run("--dry-run", "--master", master, "--app", env.AppFolder, "--input", "hdfs:///in");

        Assert.Single(run.Commands);
        Assert.Equal(
            [.. SparkSubmitHead(master, "client"), env.JarPath, Path.Combine(env.AppFolder, "SparkCleanlab.Spark"),
                "find-issues", "--input", "hdfs:///in"],
            run.FinalCommand);
    }

    [Fact]
    public void KubernetesClientModeNeedsOnlyTheImage()
    {
        var run = env.Run(
            "--dry-run", "--master", "k8s://https://10.0.0.1:6443", "--app", env.AppFolder,
            "--conf", "spark.kubernetes.container.image=reg/sparkcleanlab:1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [.. SparkSubmitHead("k8s://https://10.0.0.1:6443", "client"),
                "--conf", "spark.kubernetes.container.image=reg/sparkcleanlab:1",
                env.JarPath, Path.Combine(env.AppFolder, "SparkCleanlab.Spark"), "find-issues"],
            run.FinalCommand);
    }

    [Fact]
    public void YarnClusterModePublishesSelfContainedZipsAndShipsTheZipWithFiles()
    {
        var run = env.Run("--dry-run", "--master", "yarn", "--deploy-mode", "cluster", "--input", "hdfs:///in");

        var zip = Path.Combine(Repo, "out", "spark-app", "SparkCleanlab.Spark.zip");
        Assert.Equal(3, run.Commands.Count);
        Assert.Equal(
            ["dotnet", "publish", Path.Combine(Repo, "jobs", "SparkCleanlab.Spark"), "-c", "Release", "-o", PublishFolder,
                "-r", "linux-x64", "--self-contained", "true"],
            run.Commands[0]);
        Assert.Equal(["bash", "-c", "cd \"$1\" && zip -qr \"$2\" .", "zip-app", PublishFolder, zip], run.Commands[1]);
        Assert.Equal(
            [.. SparkSubmitHead("yarn", "cluster"), "--files", zip, env.JarPath,
                "SparkCleanlab.Spark.zip", "SparkCleanlab.Spark", "find-issues", "--input", "hdfs:///in"],
            run.FinalCommand);
    }

    [Fact]
    public void ClusterModeShipsAGivenZipAsIs()
    {
        var run = env.Run("--dry-run", "--master", "yarn", "--deploy-mode", "cluster", "--app", env.AppZip);

        Assert.Single(run.Commands);
        Assert.Equal(
            [.. SparkSubmitHead("yarn", "cluster"), "--files", env.AppZip, env.JarPath,
                "SparkCleanlab.Spark.zip", "SparkCleanlab.Spark", "find-issues"],
            run.FinalCommand);
    }

    [Fact]
    public void ClientModeUnpacksALocalZipAndRunsItsExecutable()
    {
        var outDir = Path.Combine(env.Root, "client-out");

        var run = env.Run("--dry-run", "--master", "yarn", "--app", env.AppZip, "--out", outDir);

        var unpacked = Path.Combine(outDir, "SparkCleanlab.Spark");
        Assert.Equal(["unzip", "-qo", env.AppZip, "-d", unpacked], run.Commands[0]);
        Assert.Equal(
            [.. SparkSubmitHead("yarn", "client"), env.JarPath, Path.Combine(unpacked, "SparkCleanlab.Spark"), "find-issues"],
            run.FinalCommand);
    }

    [Fact]
    public void KubernetesClusterModeUploadsThroughTheUploadPath()
    {
        var run = env.Run(
            "--dry-run", "--master", "k8s://https://k8s.example:443", "--deploy-mode", "cluster", "--app", env.AppZip,
            "--conf", "spark.kubernetes.container.image=reg/sparkcleanlab:1",
            "--conf", "spark.kubernetes.file.upload.path=s3a://bucket/upload");

        Assert.Equal(
            [.. SparkSubmitHead("k8s://https://k8s.example:443", "cluster"),
                "--conf", "spark.kubernetes.container.image=reg/sparkcleanlab:1",
                "--conf", "spark.kubernetes.file.upload.path=s3a://bucket/upload",
                "--files", env.AppZip, env.JarPath, "SparkCleanlab.Spark.zip", "SparkCleanlab.Spark", "find-issues"],
            run.FinalCommand);
    }

    [Fact]
    public void KubernetesClusterModeRunsTheAppBakedIntoTheImage()
    {
        var run = env.Run(
            "--dry-run", "--master", "k8s://https://k8s.example:443", "--deploy-mode", "cluster",
            "--conf", "spark.kubernetes.container.image=reg/sparkcleanlab:1",
            "--app", "local:///opt/sparkcleanlab/app/SparkCleanlab.Spark",
            "--jar", "local:///opt/sparkcleanlab/jars/" + SubmitEnvironment.RunnerJar);

        Assert.Single(run.Commands);
        Assert.Equal(
            [.. SparkSubmitHead("k8s://https://k8s.example:443", "cluster"),
                "--conf", "spark.kubernetes.container.image=reg/sparkcleanlab:1",
                "local:///opt/sparkcleanlab/jars/" + SubmitEnvironment.RunnerJar,
                "/opt/sparkcleanlab/app/SparkCleanlab.Spark", "find-issues"],
            run.FinalCommand);
    }

    [Fact]
    public void StandaloneClusterModeHandsTheRemoteZipToDotnetRunner()
    {
        var run = env.Run(
            "--dry-run", "--master", "spark://head:7077", "--deploy-mode", "cluster",
            "--app", "hdfs:///apps/SparkCleanlab.Spark.zip", "--jar", "hdfs:///apps/" + SubmitEnvironment.RunnerJar);

        Assert.Equal(
            [.. SparkSubmitHead("spark://head:7077", "cluster"), "hdfs:///apps/" + SubmitEnvironment.RunnerJar,
                "hdfs:///apps/SparkCleanlab.Spark.zip", "SparkCleanlab.Spark", "find-issues"],
            run.FinalCommand);
    }

    [Fact]
    public void ConfValuesPassThroughInOrderAfterTheDefaults()
    {
        var run = env.Run(
            "--dry-run", "--app", env.AppFolder,
            "--conf", "spark.executor.memory=8g",
            "--conf", "spark.driver.extraJavaOptions=-Dx=1 -Dy=2",
            "--conf", "spark.dotnet.ignoreSparkPatchVersionCheck=false");

        var words = run.FinalCommand;
        var confs = words.Select((w, i) => (w, i)).Where(x => x.w == "--conf").Select(x => words[x.i + 1]).ToList();
        Assert.Equal(
            ["spark.dotnet.ignoreSparkPatchVersionCheck=true", "spark.executor.memory=8g",
                "spark.driver.extraJavaOptions=-Dx=1 -Dy=2", "spark.dotnet.ignoreSparkPatchVersionCheck=false"],
            confs);
    }

    [Fact]
    public void JobArgumentsPassThroughUnchangedAfterTheVerb()
    {
        var run = env.Run(
            "--dry-run", "--app", env.AppFolder, "--",
            "find-issues", "--input", "a dir/with 'quotes'", "--name", "x", "--conf", "k=v");

        Assert.Equal(
            ["find-issues", "--input", "a dir/with 'quotes'", "--name", "x", "--conf", "k=v"],
            run.FinalCommand.Skip(13));
    }

    [Fact]
    public void PrintedCommandReadsBackAsTheSameWordsInBash()
    {
        var run = env.Run("--dry-run", "--master", "local[2]", "--app", env.AppFolder, "--input", "it's $HOME *");

        var line = run.StandardOutput.TrimEnd('\n');
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", "printf '%s\\n' " + line])
        {
            RedirectStandardOutput = true,
        })!;
        var words = bash.StandardOutput.ReadToEnd().TrimEnd('\n').Split('\n');
        bash.WaitForExit();

        Assert.Equal(run.FinalCommand, words);
        Assert.Contains("it's $HOME *", words);
    }

    [Fact]
    public void SparkHomeChoosesItsSparkSubmit()
    {
        var variables = new Dictionary<string, string?>(env.Variables) { ["SPARK_HOME"] = "/opt/spark 3.5" };

        var run = SubmitRun.Start(["--dry-run", "--app", env.AppFolder], variables);

        Assert.Equal("/opt/spark 3.5/bin/spark-submit", run.FinalCommand[0]);
    }

    [Fact]
    public void JarCanBeChosenByVariable()
    {
        var variables = new Dictionary<string, string?>(env.Variables) { ["SPARKCLEANLAB_SPARK_JAR"] = env.JarPath + ".copy" };

        var run = SubmitRun.Start(["--dry-run", "--app", env.AppFolder], variables);

        Assert.Contains(env.JarPath + ".copy", run.FinalCommand);
        Assert.Contains("does not exist", run.StandardError);
    }

    [Fact]
    public void SparkAssemblySwitchReachesThePublishCommand()
    {
        var run = env.Run("--dry-run", "--spark-assembly", "/ext/Microsoft.Spark.dll", "--runtime", "linux-arm64");

        Assert.Equal(
            ["-r", "linux-arm64", "--self-contained", "true", "-p:MicrosoftSparkAssembly=/ext/Microsoft.Spark.dll"],
            run.Commands[0].Skip(7));
    }

    [Fact]
    public void RelativePathsAreResolvedFromTheCallersFolder()
    {
        var run = SubmitRun.Start(["--dry-run", "--app", "app", "--jar", "my.jar", "--out", "o"], env.Variables, env.Root);

        Assert.Contains(Path.Combine(env.Root, "my.jar"), run.FinalCommand);
        Assert.Contains(Path.Combine(env.Root, "app", "SparkCleanlab.Spark"), run.FinalCommand);
    }

    [Fact]
    public void LocalEngineRunsTheLocalJobWithTheSameOptions()
    {
        var run = env.Run("--local", "--dry-run", "--input", "in dir", "--output", "out");

        Assert.Equal(0, run.ExitCode);
        var published = Path.Combine(Repo, "jobs", "SparkCleanlab.Cli", "bin", "Release", "net10.0", "publish", "sparkcleanlab.dll");
        string[] expected = File.Exists(published)
            ? ["dotnet", published, "find-issues", "--input", "in dir", "--output", "out"]
            : ["dotnet", "run", "--project", Path.Combine(Repo, "jobs", "SparkCleanlab.Cli"), "-c", "Release", "--",
                "find-issues", "--input", "in dir", "--output", "out"];
        Assert.Equal(expected, Assert.Single(run.Commands));
    }

    [Fact]
    public void DryRunCreatesNothing()
    {
        var outDir = Path.Combine(env.Root, "never");

        var run = env.Run("--dry-run", "--master", "yarn", "--deploy-mode", "cluster", "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void HelpDocumentsEveryOptionAndExitCode()
    {
        var run = env.Run("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[]
                 {
                     "--local", "--master", "--deploy-mode", "--conf", "--name", "--app", "--jar", "--runtime",
                     "--spark-assembly", "--out", "--dry-run", "--help", "local[*]", "yarn", "k8s://", "spark://",
                     "SPARK_HOME", "Exit codes",
                 })
        {
            Assert.Contains(option, run.StandardOutput);
        }
    }
}

namespace SparkCleanlab.SparkPlan.Tests.Submit;

public sealed class SubmitErrorTests(SubmitEnvironment env) : IClassFixture<SubmitEnvironment>
{
    private const int Usage = 2;
    private const int Unavailable = 69;

    [Theory]
    [InlineData("mesos://head:5050", "expected local[*], yarn")]
    [InlineData("local[0]", "expected local, local[N]")]
    [InlineData("local[x]", "expected local, local[N]")]
    [InlineData("k8s://", "expected k8s://https://HOST:PORT")]
    [InlineData("spark://head", "expected spark://HOST:PORT")]
    public void UnknownMasterIsAUsageError(string master, string message)
    {
        var run = env.Run("--dry-run", "--master", master);

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains(message, run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Theory]
    [InlineData("--master")]
    [InlineData("--deploy-mode")]
    [InlineData("--conf")]
    [InlineData("--app")]
    [InlineData("--jar")]
    public void OptionWithoutValueIsAUsageError(string option)
    {
        var run = env.Run("--dry-run", option);

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains($"{option} needs a value", run.StandardError);
    }

    [Theory]
    [InlineData("spark.executor.memory")]
    [InlineData("=8g")]
    public void ConfWithoutKeyAndValueIsAUsageError(string conf)
    {
        var run = env.Run("--dry-run", "--conf", conf);

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("--conf expects KEY=VALUE", run.StandardError);
    }

    [Fact]
    public void UnknownDeployModeIsAUsageError()
    {
        var run = env.Run("--dry-run", "--master", "yarn", "--deploy-mode", "remote");

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("expected client or cluster", run.StandardError);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("local[*]")]
    public void ClusterModeOnALocalMasterIsAUsageError(string master)
    {
        var run = env.Run("--dry-run", "--master", master, "--deploy-mode", "cluster");

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("needs a cluster master", run.StandardError);
    }

    [Theory]
    [InlineData("--master", "yarn")]
    [InlineData("--conf", "a=b")]
    [InlineData("--app", "x.zip")]
    public void SparkOptionWithLocalEngineIsAUsageError(string option, string value)
    {
        var run = env.Run("--local", "--dry-run", option, value);

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains($"{option} is a Spark option", run.StandardError);
    }

    [Fact]
    public void KubernetesWithoutImageIsAUsageError()
    {
        var run = env.Run("--dry-run", "--master", "k8s://https://h:6443", "--app", env.AppFolder);

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("spark.kubernetes.container.image", run.StandardError);
    }

    [Fact]
    public void KubernetesClusterModeWithALocalAppNeedsAnUploadPath()
    {
        var run = env.Run(
            "--dry-run", "--master", "k8s://https://h:6443", "--deploy-mode", "cluster", "--app", env.AppZip,
            "--conf", "spark.kubernetes.container.image=i:1");

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("spark.kubernetes.file.upload.path", run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public void StandaloneClusterModeWithALocalAppIsAUsageErrorBeforeAnyPublish()
    {
        var run = env.Run("--dry-run", "--master", "spark://head:7077", "--deploy-mode", "cluster");

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("standalone cluster mode cannot ship a local app", run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public void RemoteAppThatIsNotAZipIsAUsageError()
    {
        var run = env.Run("--dry-run", "--app", "hdfs:///apps/SparkCleanlab.Spark");

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("a remote app must be a .zip", run.StandardError);
    }

    [Fact]
    public void MissingAppIsUnavailable()
    {
        var run = env.Run("--dry-run", "--app", Path.Combine(env.Root, "nowhere"));

        Assert.Equal(Unavailable, run.ExitCode);
        Assert.Contains("does not exist", run.StandardError);
    }

    [Fact]
    public void AppThatIsNeitherFolderNorZipIsAUsageError()
    {
        var run = env.Run("--dry-run", "--app", env.JarPath);

        Assert.Equal(Usage, run.ExitCode);
        Assert.Contains("neither a folder nor a .zip", run.StandardError);
    }

    [Fact]
    public void MissingJarStopsARealRun()
    {
        var run = SubmitRun.Start(
            ["--app", env.AppFolder, "--jar", Path.Combine(env.Root, "missing.jar")], env.Variables);

        Assert.Equal(Unavailable, run.ExitCode);
        Assert.Contains("missing.jar' does not exist", run.StandardError);
        Assert.Contains("--jar", run.StandardError);
    }

    [Fact]
    public void SparkHomeWithoutSparkSubmitStopsARealRun()
    {
        var variables = new Dictionary<string, string?>(env.Variables) { ["SPARK_HOME"] = env.Root };

        var run = SubmitRun.Start(["--app", env.AppFolder], variables);

        Assert.Equal(Unavailable, run.ExitCode);
        Assert.Contains("bin/spark-submit is not executable", run.StandardError);
    }
}

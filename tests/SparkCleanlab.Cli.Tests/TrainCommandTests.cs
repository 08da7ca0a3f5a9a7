using System.Text.Json;

namespace SparkCleanlab.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Train_writes_the_model_folder_and_finds_the_flipped_labels()
    {
        string input = _folder.Combine("train.parquet");
        int[] flipped = await TrainFeatureFile.WriteAsync(input);
        string model = _folder.Combine("model");

        (int code, string output, string error) = await RunAsync("train", "--input", input, "--output", model, "--folds", "3", "--seed", "1");

        Assert.True(code == 0, error);
        Assert.Equal(["_SUCCESS", "classes.json", "issues.json", "model.zip"], Directory.GetFiles(model).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".model*"));
        using JsonDocument issues = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(model, "issues.json")));
        int[] found = issues.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("row").GetInt32()).ToArray();
        Assert.True(found.Intersect(flipped).Count() >= flipped.Length * 8 / 10, $"found [{string.Join(", ", found)}]");
        Assert.True(found.Except(flipped).Count() <= 5, $"found [{string.Join(", ", found)}]");
        Assert.InRange(issues.RootElement.GetProperty("out_of_fold_accuracy").GetDouble(), 0.8, 0.95);
        string classes = await File.ReadAllTextAsync(Path.Combine(model, "classes.json"));
        Assert.DoesNotContain("\"id\"", classes, StringComparison.Ordinal);
        Assert.Contains("\"f4\"", classes, StringComparison.Ordinal);
        Assert.Contains("Label issues:", output, StringComparison.Ordinal);
        Assert.Contains("Out-of-fold accuracy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_the_cross_validated_trainer_reports_the_penalty_it_chose()
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);
        string model = _folder.Combine("model");

        (int code, string output, string error) = await RunAsync("train", "--input", input, "--output", model, "--trainer", "lbfgs-cv", "--folds", "3", "--no-progress");

        Assert.True(code == 0, error);
        using JsonDocument issues = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(model, "issues.json")));
        string trainer = issues.RootElement.GetProperty("trainer").GetString()!;
        Assert.Matches("^lbfgs-cv: lbfgs l2=[0-9.]+$", trainer);
        Assert.Contains("Trained " + trainer + " on", output, StringComparison.Ordinal);
        Assert.Contains(trainer, await File.ReadAllTextAsync(Path.Combine(model, "classes.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_names_a_missing_feature_column_and_exits_3_without_an_output()
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);
        string model = _folder.Combine("model");

        (int code, _, string error) = await RunAsync("train", "--input", input, "--output", model, "--features", "f0,f1,missing");

        Assert.Equal(3, code);
        Assert.Contains("'missing'", error, StringComparison.Ordinal);
        Assert.Contains(input, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(model));
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".model*"));
    }

    [Fact]
    public async Task Train_rejects_an_unknown_trainer_and_an_existing_output_with_exit_2()
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);
        string existing = Directory.CreateDirectory(_folder.Combine("existing")).FullName;

        (int unknownTrainer, _, string trainerError) = await RunAsync("train", "--input", input, "--output", _folder.Combine("m"), "--trainer", "svm");
        (int exists, _, string existsError) = await RunAsync("train", "--input", input, "--output", existing);

        Assert.Equal(2, unknownTrainer);
        Assert.Contains("svm", trainerError, StringComparison.Ordinal);
        Assert.Equal(2, exists);
        Assert.Contains("--overwrite", existsError, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

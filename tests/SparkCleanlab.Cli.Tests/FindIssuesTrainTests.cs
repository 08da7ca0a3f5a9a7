namespace SparkCleanlab.Cli.Tests;

public sealed class FindIssuesTrainTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Train_finds_the_flipped_labels_conserves_rows_and_writes_the_probabilities()
    {
        string input = _folder.Combine("train.parquet");
        int[] flipped = await TrainFeatureFile.WriteAsync(input);
        string output = _folder.Combine("out");

        (int code, string stdout, string error) = await RunAsync(
            "find-issues", "--input", input, "--output", output, "--train", "--folds", "3", "--seed", "1", "--write-probabilities", "--annotated", "--no-progress");

        Assert.True(code == 0, error);
        foreach (string entry in new[] { "cleaned", "issues", "annotated", "summary.json", "report.html", "_SUCCESS" })
        {
            Assert.True(Path.Exists(Path.Combine(output, entry)), entry);
        }

        long[] cleaned = await OutputColumns.ValuesAsync<long>(Path.Combine(output, "cleaned"), "id");
        long[] issues = await OutputColumns.ValuesAsync<long>(Path.Combine(output, "issues"), "id");
        Assert.Equal(Enumerable.Range(0, TrainFeatureFile.Rows).Select(i => (long)i), cleaned.Concat(issues).Order());
        Assert.True(issues.Intersect(flipped.Select(r => (long)r)).Count() >= flipped.Length * 8 / 10, $"issues [{string.Join(", ", issues)}]");
        Assert.True(issues.Length - issues.Intersect(flipped.Select(r => (long)r)).Count() <= 5, $"issues [{string.Join(", ", issues)}]");

        foreach (string subfolder in new[] { "cleaned", "issues", "annotated" })
        {
            string[] names = await OutputColumns.NamesAsync(Path.Combine(output, subfolder));
            Assert.Equal(["p_0", "p_1", "p_2"], names.Where(n => n.StartsWith("p_", StringComparison.Ordinal)));
        }

        double[][] probabilities = await Task.WhenAll(Enumerable.Range(0, 3).Select(k => OutputColumns.ValuesAsync<double>(Path.Combine(output, "annotated"), $"p_{k}")));
        Assert.All(Enumerable.Range(0, TrainFeatureFile.Rows), row => Assert.Equal(1.0, probabilities.Sum(p => p[row]), 6));
        Assert.Contains("Out-of-fold probabilities: lbfgs on 300 rows, 5 feature column(s), 3 classes (3 folds, seed 1)", stdout, StringComparison.Ordinal);
        Assert.Contains("Flagged ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_without_writing_the_probabilities_leaves_the_outputs_columns_as_the_input_has_them()
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);
        string output = _folder.Combine("out");

        (int code, _, string error) = await RunAsync("find-issues", input, "--output", output, "--train", "--trainer", "sdca", "--features", "f0,f1,f2", "--no-progress");

        Assert.True(code == 0, error);
        string[] expected = ["label", "id", "f0", "f1", "f2", "f3", "f4"];
        Assert.Equal(expected, await OutputColumns.NamesAsync(Path.Combine(output, "cleaned")));
        Assert.Equal(expected.Concat(["label_quality", "suggested_label", "method", "issue_rank"]), await OutputColumns.NamesAsync(Path.Combine(output, "issues")));
        long rows = (await OutputColumns.ValuesAsync<long>(Path.Combine(output, "cleaned"), "id")).Length
            + (await OutputColumns.ValuesAsync<long>(Path.Combine(output, "issues"), "id")).Length;
        Assert.Equal(TrainFeatureFile.Rows, rows);
    }

    [Fact]
    public async Task Train_with_the_cross_validated_trainer_says_which_penalty_each_fold_chose()
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);
        string output = _folder.Combine("out");

        (int code, string stdout, string error) = await RunAsync("find-issues", input, "--output", output, "--train", "--trainer", "lbfgs-cv", "--folds", "3", "--no-progress");

        Assert.True(code == 0, error);
        Assert.Matches(@"Chosen per fold: lbfgs l2=[0-9.]+, lbfgs l2=[0-9.]+, lbfgs l2=[0-9.]+\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Train_names_a_missing_feature_column_and_exits_3_without_an_output()
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);
        string output = _folder.Combine("out");

        (int code, _, string error) = await RunAsync("find-issues", input, "--output", output, "--train", "--features", "f0,missing", "--no-progress");

        Assert.Equal(3, code);
        Assert.Contains("'missing'", error, StringComparison.Ordinal);
        Assert.Contains(input, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--probs-column", "pred_probs", "leave out --probs-column")]
    [InlineData("--probs-prefix", "p_", "leave out --probs-prefix")]
    [InlineData("--trainer", "svm", "Unknown trainer 'svm'")]
    public async Task Train_with_a_probability_column_or_an_unknown_trainer_is_a_usage_error(string option, string value, string message)
    {
        string input = _folder.Combine("train.parquet");
        await TrainFeatureFile.WriteAsync(input);

        (int code, _, string error) = await RunAsync("find-issues", input, "--output", _folder.Combine("out"), "--train", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_features_train_without_the_true_label_and_the_summary_says_how()
    {
        string data = _folder.Combine("data");
        string output = _folder.Combine("out");
        (int generated, _, string generateError) = await RunAsync("generate", "--output", data, "--rows", "600", "--classes", "3", "--noise", "0.1", "--features", "4");
        Assert.True(generated == 0, generateError);

        (int code, string stdout, string error) = await RunAsync("find-issues", data, "--output", output, "--train", "--folds", "3", "--seed", "2", "--no-progress");

        Assert.True(code == 0, error);
        Assert.Contains("Feature columns: feature_0, feature_1, feature_2, feature_3\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Not used as features, named like a label: true_label", stdout, StringComparison.Ordinal);
        using var summary = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        var training = summary.RootElement.GetProperty("training");
        Assert.Equal("lbfgs", training.GetProperty("trainer").GetString());
        Assert.Equal(["feature_0", "feature_1", "feature_2", "feature_3"], training.GetProperty("feature_columns").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(3, training.GetProperty("folds").GetInt32());
        Assert.Equal(2, training.GetProperty("seed").GetInt32());
        Assert.True(summary.RootElement.GetProperty("rows").GetProperty("issues").GetInt64() > 0);
    }

    [Theory]
    [InlineData("find-issues")]
    [InlineData("train")]
    public async Task A_feature_that_copies_the_label_is_a_usage_error_naming_it(string command)
    {
        string data = _folder.Combine("data");
        string output = _folder.Combine("out");
        (int generated, _, string generateError) = await RunAsync("generate", "--output", data, "--rows", "300", "--noise", "0", "--features", "2");
        Assert.True(generated == 0, generateError);

        (int code, _, string error) = command == "train"
            ? await RunAsync("train", "--input", data, "--output", output, "--features", "feature_0,true_label", "--no-progress")
            : await RunAsync("find-issues", data, "--output", output, "--train", "--features", "feature_0,true_label", "--no-progress");

        Assert.Equal(2, code);
        Assert.Contains("Feature column 'true_label' equals the label ('label') on 100.0% of the rows", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

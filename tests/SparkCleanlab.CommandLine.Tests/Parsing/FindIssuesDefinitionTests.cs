using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine.Tests.Parsing;

public class FindIssuesDefinitionTests
{
    private static FindIssuesOptions Parse(params string[] args) => new FindIssuesDefinition().Parse(["--output", "out", .. args]);

    private static string Usage(params string[] args) => Assert.Throws<UsageException>(() => new FindIssuesDefinition().Parse(args)).Message;

    public class Defaults
    {
        [Fact]
        public void MatchTheReference()
        {
            var options = Parse("in.parquet");
            Assert.Equal(["in.parquet"], options.Request.Inputs);
            Assert.Equal("out", options.Request.Output);
            Assert.Equal(new LabelIssueOptions(), options.Request.Issues);
            Assert.Equal(new InputColumns(), options.Request.Columns);
            Assert.Equal(InvalidRowPolicy.Fail, options.Request.InvalidRows);
            Assert.Equal(EngineKind.Local, options.Request.Engine);
            Assert.True(options.Progress);
            Assert.Null(options.Request.Execution.Threads);
        }
    }

    public class EveryOption
    {
        [Fact]
        public void IsApplied()
        {
            var options = Parse(
                "--input", "a", "--input=b", "c", "--overwrite", "--annotated",
                "--label-column", "y", "--probs-column", "pp", "--id-column", "uid", "--classes", "cat,dog,fox", "--num-classes", "3",
                "--method", "both", "--rank-by", "normalized_margin", "--frac-noise", "0.5", "--num-to-remove-per-class", "1,2,3",
                "--min-examples-per-class", "5", "--adjust-pred-probs", "--invalid-rows", "quarantine", "--sum-tolerance", "0.01",
                "--engine", "spark", "--threads", "3", "--batch-rows", "100", "--no-progress");
            Assert.Equal(["a", "b", "c"], options.Request.Inputs);
            Assert.True(options.Request.Overwrite);
            Assert.True(options.Request.Annotated);
            Assert.Equal("y", options.Request.Columns.Label);
            Assert.Equal("pp", options.Request.Columns.ProbabilitiesColumn);
            Assert.Equal("uid", options.Request.Columns.Id);
            Assert.Equal(["cat", "dog", "fox"], options.Request.Columns.Classes);
            Assert.Equal(3, options.Request.Columns.ClassCount);
            Assert.Equal(FilterMethod.Both, options.Request.Issues.Method);
            Assert.Equal(RankingMethod.NormalizedMargin, options.Request.Issues.RankBy);
            Assert.Equal(0.5, options.Request.Issues.FracNoise);
            Assert.Equal([1L, 2, 3], options.Request.Issues.NumToRemovePerClass);
            Assert.Equal(5, options.Request.Issues.MinExamplesPerClass);
            Assert.True(options.Request.Issues.AdjustPredProbs);
            Assert.Equal(InvalidRowPolicy.Quarantine, options.Request.InvalidRows);
            Assert.Equal(0.01, options.Request.SumTolerance);
            Assert.Equal(EngineKind.Spark, options.Request.Engine);
            Assert.Equal(3, options.Request.Execution.Threads);
            Assert.Equal(100, options.Request.Execution.BatchRows);
            Assert.False(options.Progress);
        }

        [Theory]
        [InlineData("prune_by_noise_rate", FilterMethod.PruneByNoiseRate)]
        [InlineData("prune_by_class", FilterMethod.PruneByClass)]
        [InlineData("both", FilterMethod.Both)]
        [InlineData("confident_learning", FilterMethod.ConfidentLearning)]
        [InlineData("predicted_neq_given", FilterMethod.PredictedNeqGiven)]
        [InlineData("low_normalized_margin", FilterMethod.LowNormalizedMargin)]
        [InlineData("low_self_confidence", FilterMethod.LowSelfConfidence)]
        [InlineData("low_self_confidence_batched", FilterMethod.LowSelfConfidenceBatched)]
        public void AcceptsEveryMethodByTheReferenceName(string name, FilterMethod method) =>
            Assert.Equal(method, Parse("in", "--method", name).Request.Issues.Method);

        [Fact]
        public void ReadsProbabilityColumnsAsAList() =>
            Assert.Equal(["p_a", "p_b"], Parse("in", "--probs-columns", "p_a, p_b").Request.Columns.ProbabilityColumns);

        [Fact]
        public void IfChangedImpliesOverwrite()
        {
            var request = Parse("in", "--if-changed").Request;
            Assert.True(request.IfChanged);
            Assert.True(request.Overwrite);
        }

        [Fact]
        public void InputsKeepTheirOrderAcrossFlagsAndArguments() =>
            Assert.Equal(["a", "b", "c", "d"], Parse("a", "--input", "b", "c", "--input=d").Request.Inputs);

        [Fact]
        public void ANegativeNumberIsAValueNotAnOption() =>
            Assert.StartsWith("--min-examples-per-class must be at least 0, got -3", Usage("in", "--output", "o", "--min-examples-per-class", "-3"));

        [Fact]
        public void TheSameOptionsParseAgainInANewDefinition() =>
            Assert.Equal(Parse("in", "--method", "both").Request.Issues, Parse("in", "--method", "both").Request.Issues);
    }

    public class Errors
    {
        [Theory]
        [InlineData("Unknown option '--frac'", "in", "--output", "o", "--frac", "0.5")]
        [InlineData("--frac-noise needs a value (FRACTION)", "in", "--output", "o", "--frac-noise")]
        [InlineData("--frac-noise needs a value", "in", "--output", "o", "--frac-noise", "--overwrite")]
        [InlineData("--frac-noise must be in (0, 1], got 1.5", "in", "--output", "o", "--frac-noise", "1.5")]
        [InlineData("--frac-noise must be in (0, 1], got -1", "in", "--output", "o", "--frac-noise", "-1")]
        [InlineData("--frac-noise expects a number, got 'half'", "in", "--output", "o", "--frac-noise", "half")]
        [InlineData("--method must be one of prune_by_noise_rate|prune_by_class|both|confident_learning|predicted_neq_given|low_normalized_margin|low_self_confidence|low_self_confidence_batched, got 'prune'", "in", "--output", "o", "--method", "prune")]
        [InlineData("--rank-by must be one of self_confidence|normalized_margin|confidence_weighted_entropy", "in", "--output", "o", "--rank-by", "x")]
        [InlineData("--threads must be at least 1, got 0", "in", "--output", "o", "--threads", "0")]
        [InlineData("--threads expects a whole number, got 'many'", "in", "--output", "o", "--threads", "many")]
        [InlineData("--invalid-rows must be one of fail|quarantine, got 'skip'", "in", "--output", "o", "--invalid-rows", "skip")]
        [InlineData("--engine must be local or spark, got 'flink'", "in", "--output", "o", "--engine", "flink")]
        [InlineData("--overwrite takes no value", "in", "--output", "o", "--overwrite=yes")]
        [InlineData("--output is given twice", "in", "--output", "o", "--output", "p")]
        [InlineData("--overwrite is given twice", "in", "--output", "o", "--overwrite", "--overwrite")]
        [InlineData("--output needs a value (FOLDER)", "in", "--output")]
        [InlineData("Unknown option '-x'", "in", "--output", "o", "-x")]
        [InlineData("No input", "--output", "o")]
        [InlineData("No output", "in")]
        [InlineData("Give --probs-prefix or --probs-columns, not both", "in", "--output", "o", "--probs-prefix", "p", "--probs-columns", "a,b")]
        [InlineData("The class counts disagree: --num-classes gives 3, --classes gives 2", "in", "--output", "o", "--num-classes", "3", "--classes", "a,b")]
        [InlineData("--num-classes must be at least 2, got 1", "in", "--output", "o", "--num-classes", "1")]
        [InlineData("--classes lists a name twice", "in", "--output", "o", "--classes", "a,a")]
        [InlineData("--num-to-remove-per-class expects comma-separated counts >= 0, got '1,-2'", "in", "--output", "o", "--num-to-remove-per-class", "1,-2")]
        [InlineData("--num-to-remove-per-class is only supported by prune_by_noise_rate", "in", "--output", "o", "--num-to-remove-per-class", "1,2", "--method", "confident_learning")]
        [InlineData("--adjust-pred-probs is not supported with confidence_weighted_entropy", "in", "--output", "o", "--adjust-pred-probs", "--rank-by", "confidence_weighted_entropy")]
        [InlineData("--sum-tolerance must be in [0, 1), got 1", "in", "--output", "o", "--sum-tolerance", "1")]
        public void ThrowUsageExceptionsThatSayWhat(string expected, params string[] args) =>
            Assert.StartsWith(expected, Usage(args));
    }

    public class Help
    {
        private static string Text(FindIssuesDefinition definition)
        {
            using var text = new StringWriter();
            HelpWriter.Write(new CommandHelp("find-issues [options]", "Finds issues.", definition.Groups, ["find-issues in --output out"]), text, 100);
            return text.ToString();
        }

        [Fact]
        public void ListsEveryOptionTheCommandTakes()
        {
            var definition = new FindIssuesDefinition();
            var help = Text(definition).ReplaceLineEndings(" ").Replace(new string(' ', 36), "", StringComparison.Ordinal);
            var command = definition.CreateCommand("find-issues", "Finds issues.");
            Assert.NotEmpty(command.Options);
            foreach (var option in command.Options)
            {
                Assert.Contains(option.Name, help);
                Assert.Contains(option.Description!.Split(' ')[0], help);
            }
        }

        [Theory]
        [InlineData("--method", "(default prune_by_noise_rate)")]
        [InlineData("--rank-by", "(default self_confidence)")]
        [InlineData("--invalid-rows", "(default fail)")]
        [InlineData("--frac-noise", "(default 1)")]
        [InlineData("--min-examples-per-class", "(default 1)")]
        [InlineData("--memory-mb", "(default 1024)")]
        [InlineData("--engine", "(default local)")]
        public void StatesTheDefaultTheRunUses(string option, string expected)
        {
            var line = new FindIssuesDefinition().Groups.SelectMany(g => g.Options).Single(o => o.Name == option);
            Assert.EndsWith(expected + ".", line.Description);
        }

        [Fact]
        public void ShowsTheAllowedValuesTheExamplesAndTheExitCodes()
        {
            var help = Text(new FindIssuesDefinition());
            Assert.Contains("--method " + string.Join('|', ReferenceNames.All<FilterMethod>()), help);
            Assert.Contains("--invalid-rows " + string.Join('|', ReferenceNames.All<InvalidRowPolicy>()), help);
            Assert.Contains("Examples:\n  find-issues in --output out", help.ReplaceLineEndings("\n"));
            Assert.Contains(ExitCodeHelp.Text, help);
        }
    }
}

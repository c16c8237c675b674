using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PushNotifi.Benchmarks;

/// <summary>A summary column showing one <see cref="AckFigure"/> value of each case (a count or fake seconds, not wall time).</summary>
internal sealed class AckFigureColumn(string name, string legend, Func<AckFigure, string> value) : IColumn
{
    /// <summary>Status requests sent over the wait.</summary>
    public static readonly IColumn StatusRequests = new AckFigureColumn(
        "StatusRequests", "Status requests (GET /api/v1/alerts/{id}/status) sent over one simulated wait", f => f.StatusRequests.ToString(CultureInfo.InvariantCulture));

    /// <summary>Fake time from tap to return.</summary>
    public static readonly IColumn TapToReturn = new AckFigureColumn(
        "TapToReturn", "Simulated time from the tap to AwaitAckAsync returning", f => f.TapToReturn is { } t ? t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "-");

    public string Id => nameof(AckFigureColumn) + "." + ColumnName;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var schedule = (AckSchedule)benchmarkCase.Parameters["Schedule"];
        var tap = benchmarkCase.Parameters.Items.Any(p => p.Name == "TapAfterSeconds") ? (int?)(int)benchmarkCase.Parameters["TapAfterSeconds"] : null;
        return value(AckFigures.Get(schedule, tap));
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}

/// <summary>Adds the ack figure columns to the ack benchmarks.</summary>
internal sealed class AckColumnsConfig : ManualConfig
{
    public AckColumnsConfig() => AddColumn(AckFigureColumn.StatusRequests, AckFigureColumn.TapToReturn);
}

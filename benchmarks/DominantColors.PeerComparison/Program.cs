using System.Globalization;
using DominantColors.PeerComparison;

// usage: DominantColors.PeerComparison DATA_DIR PEERS_JSON OURS_DIR REPORT_MD
// Scores every tool's palettes on the generated pixels and writes a Markdown report (also to stdout).
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: DominantColors.PeerComparison DATA_DIR PEERS_JSON OURS_DIR REPORT_MD");
    return 2;
}

// Numbers in the report are written with invariant digits, whatever the machine's culture.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var data = TestData.Load(args[0]);
var (peers, tools, node) = ResultReader.ReadPeers(args[1]);
var ours = ResultReader.ReadOurs(args[2]);
var ks = ours.Select(p => p.K).Distinct().Order().ToArray();
var cold = ColdBaseline.Run(data, ks);

var report = new ComparisonReport(data, [.. ours, .. cold, .. peers], tools, ks);
var markdown = report.Write(string.Create(CultureInfo.InvariantCulture, $"Node {node}"));
File.WriteAllText(args[3], markdown);
Console.Out.Write(markdown);
return 0;

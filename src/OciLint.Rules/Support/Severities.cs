global using OciLint.Core.Findings;
global using OciLint.Core.Fixes;
global using OciLint.Core.Json;
global using OciLint.Core.Model;
global using OciLint.Core.Rules;
global using static OciLint.Core.Findings.Severity;
global using static OciLint.Core.Fixes.FixAvailability;

using System.Runtime.Versioning;

// iso drives Linux containers and uses Linux signals, terminals and /proc.
[assembly: SupportedOSPlatform("linux")]

// Installs, services and signals are Linux's: these tests run only there.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

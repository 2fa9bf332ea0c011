namespace HalOSwarm.Ctl.Output;

internal enum OutputFormat
{
    Table,
    Json,
}

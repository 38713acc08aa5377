namespace MessagingProvider.Recipients;

/// <summary>Exchange's New-DistributionGroup -Type: a distribution group, or a mail-enabled security group that can also be given permissions.</summary>
public enum GroupType
{
    Distribution,
    Security,
}

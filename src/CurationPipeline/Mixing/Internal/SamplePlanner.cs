namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// Decides the mix from the catalog: first the validation set (lowest validation keys per domain up to the validation budget;
/// independent of seed, budget and targets), then per domain whole epochs plus a seeded partial epoch to reach the target tokens,
/// never more than the domain's epoch limit. An epoch holds every training document <see cref="CatalogEntry.Weight"/> times
/// (rehydration; 1 without it).
/// </summary>
internal static class SamplePlanner
{
    /// <summary>Separates the sampling hash from the shuffle's hashes of the same documents.</summary>
    private const long SamplePurpose = 0;

    public static SamplePlan Plan(Catalog catalog, MixOptions options)
    {
        List<CatalogEntry> entries = catalog.Entries;
        var byDomain = new List<int>[catalog.DomainNames.Count];
        for (int d = 0; d < byDomain.Length; d++)
        {
            byDomain[d] = [];
        }

        for (int i = 0; i < entries.Count; i++)
        {
            byDomain[entries[i].Domain].Add(i);
        }

        var copies = new byte[entries.Count];
        var plans = new DomainPlan[catalog.DomainNames.Count];
        for (int d = 0; d < plans.Length; d++)
        {
            string name = catalog.DomainNames[d];
            plans[d] = new DomainPlan(name, options.Targets.GetValueOrDefault(name), options.MaxEpochsOf(name));
            SelectValidation(entries, byDomain[d], copies, options.ValidationTokensPerDomain, plans[d]);
        }

        long budget = options.TotalTokens > 0 ? options.TotalTokens : LargestBudget(plans);
        foreach (DomainPlan plan in plans)
        {
            plan.TargetTokens = (long)Math.Round(plan.TargetShare * budget);
        }

        for (int d = 0; d < plans.Length; d++)
        {
            Sample(entries, byDomain[d], copies, plans[d], options.Seed);
        }

        return new SamplePlan { Copies = copies, Domains = plans, BudgetTokens = budget };
    }

    private static void SelectValidation(List<CatalogEntry> entries, List<int> members, byte[] copies, long validationTokens, DomainPlan plan)
    {
        int[] order = [.. members];
        Array.Sort(order, (a, b) =>
        {
            int c = entries[a].ValidationKey.CompareTo(entries[b].ValidationKey);
            return c != 0 ? c : entries[a].Key.CompareTo(entries[b].Key);
        });

        long taken = 0;
        int next = 0;
        // Whole keys at a time: every copy of an id (same key) is on the same side, so no validation text is trained on.
        while (next < order.Length && taken < validationTokens)
        {
            ulong key = entries[order[next]].ValidationKey;
            while (next < order.Length && entries[order[next]].ValidationKey == key)
            {
                int i = order[next++];
                copies[i] = SamplePlan.Validation;
                taken += entries[i].Tokens;
                plan.ValidationDocuments++;
            }
        }

        plan.ValidationTokens = taken;
        for (; next < order.Length; next++)
        {
            plan.AvailableDocuments++;
            plan.AvailableTokens += (long)entries[order[next]].Tokens * entries[order[next]].Weight;
        }
    }

    /// <summary>The largest budget at which every targeted domain reaches its share within its epoch limit (empty domains aside: they are reported short).</summary>
    private static long LargestBudget(DomainPlan[] plans)
    {
        double budget = double.MaxValue;
        foreach (DomainPlan plan in plans)
        {
            if (plan.TargetShare > 0 && plan.AvailableTokens > 0)
            {
                budget = Math.Min(budget, (double)plan.MaxEpochs * plan.AvailableTokens / plan.TargetShare);
            }
        }

        return budget == double.MaxValue ? 0 : (long)Math.Floor(budget);
    }

    private static void Sample(List<CatalogEntry> entries, List<int> members, byte[] copies, DomainPlan plan, ulong seed)
    {
        if (plan.AvailableTokens == 0 || plan.TargetTokens == 0)
        {
            return;
        }

        long goal = Math.Min(plan.TargetTokens, (long)plan.MaxEpochs * plan.AvailableTokens);
        int wholeEpochs = (int)(goal / plan.AvailableTokens);
        long remainder = goal - (wholeEpochs * plan.AvailableTokens);
        var training = new List<(ulong Order, UInt128 Key, int Index)>(members.Count);
        long perEpoch = 0;
        int maxWeight = 0;
        foreach (int i in members)
        {
            if (copies[i] != SamplePlan.Validation)
            {
                CatalogEntry e = entries[i];
                copies[i] = (byte)(wholeEpochs * e.Weight);
                perEpoch += e.Weight;
                maxWeight = Math.Max(maxWeight, e.Weight);
                training.Add((DocumentKey.Mix(seed, e.Key, 0, SamplePurpose), e.Key, i));
            }
        }

        plan.PlannedTokens = wholeEpochs * plan.AvailableTokens;
        plan.PlannedDocuments = wholeEpochs * perEpoch;
        plan.MaxCopies = wholeEpochs * maxWeight;
        if (remainder == 0)
        {
            return;
        }

        // The partial epoch: documents in seeded order of their identity until the remainder is covered (overshoot below one document).
        training.Sort();
        long added = 0;
        int partialWeight = 0;
        foreach ((_, _, int i) in training)
        {
            if (added >= remainder)
            {
                break;
            }

            // A document's whole weight at a time, so rehydration's proportions hold in the partial epoch too.
            copies[i] += entries[i].Weight;
            added += (long)entries[i].Tokens * entries[i].Weight;
            plan.PlannedDocuments += entries[i].Weight;
            partialWeight = Math.Max(partialWeight, entries[i].Weight);
        }

        plan.PlannedTokens += added;
        plan.MaxCopies = Math.Max(wholeEpochs * maxWeight, (wholeEpochs + 1) * partialWeight);
    }
}

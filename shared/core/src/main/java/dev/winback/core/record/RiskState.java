package dev.winback.core.record;

/**
 * Where a customer stands on the way from new to gone. The first row that holds wins; "quiet" is
 * measured per platform against the customer's usual gap there (see
 * {@link dev.winback.core.signal.VisitRhythm}), and "every platform" means every platform the
 * customer ever used, so a move from the website to the app is not quiet at all.
 *
 * <table>
 * <caption>States, most severe first, with when each holds and since when</caption>
 * <tr><th>state</th><th>holds when</th><th>since</th></tr>
 * <tr><td>DORMANT</td><td>every platform quiet for {@link dev.winback.core.lifecycle.LifecyclePolicy#dormant} (default 8 usual gaps,
 *     at least 180 days)</td><td>that moment</td></tr>
 * <tr><td>LAPSED</td><td>a {@code Lapsed} signal: every platform quiet for the signal policy's
 *     {@code platformQuiet} (default 4 usual gaps, at least 14 days)</td><td>the signal's since</td></tr>
 * <tr><td>AT_RISK</td><td>every platform quiet for {@link dev.winback.core.lifecycle.LifecyclePolicy#atRisk} (default 3 usual gaps,
 *     at least 10 days); or a purchase lapse; or a STRONG signal the customer stated (opt-out after
 *     opting in, complaint, block, cancellation, uninstall) within {@link dev.winback.core.lifecycle.LifecyclePolicy#strongSignalWindow}
 *     (default 30 days) of stating it</td><td>the start of the unbroken run of those reasons that
 *     reaches now</td></tr>
 * <tr><td>COOLING</td><td>every platform quiet for {@link dev.winback.core.lifecycle.LifecyclePolicy#cooling} (default 2 usual gaps,
 *     at least 7 days)</td><td>that moment, or the end of an AT_RISK run if later</td></tr>
 * <tr><td>NEW</td><td>first visit within {@link dev.winback.core.lifecycle.LifecyclePolicy#newCustomer} (default 14 days), or never
 *     seen on a platform (inactivity cannot be judged without visits)</td><td>the first visit (or the
 *     earliest instant the record keeps), or the end of an AT_RISK run if later</td></tr>
 * <tr><td>ACTIVE</td><td>otherwise</td><td>the end of the new-customer window, or of an AT_RISK run if
 *     later. The record keeps no visit history, so a return after a quiet spell cannot be dated</td></tr>
 * </table>
 *
 * <p>With no new event, quiet only grows and stated signals persist, so a customer moves only down
 * this table, except out of AT_RISK when a strong stated signal's window closes (back to COOLING,
 * NEW or ACTIVE). Any event may move them anywhere; the next evaluation says where.
 */
public enum RiskState {
    NEW, ACTIVE, COOLING, AT_RISK, LAPSED, DORMANT
}

package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload.AppInstalled;
import dev.winback.core.event.EventPayload.AppUninstalled;
import dev.winback.core.event.EventPayload.ProfileUpdated;
import dev.winback.core.event.EventPayload.PushPermissionChanged;
import dev.winback.core.event.Platform;

import java.util.Optional;

/**
 * Install, push permission, opt-out and uninstall. Declining push right after install is common and weak;
 * switching it off weeks after granting it usually follows too many pushes, and often ends in an uninstall.
 */
final class AppLifecycle {

    private static final Optional<Platform> APP = Draft.on(Platform.APP);

    private AppLifecycle() {
    }

    /** Returns whether the customer is heading for a late opt-out, i.e. is being sent too many pushes. */
    static boolean plan(CustomerFacts who, Rng rng, Milestones milestones) {
        if (!who.usesApp()) {
            return false;
        }
        long grantedAt = Window.NEVER;
        long declinedAt = Window.NEVER;
        if (who.appInstalledBeforeWindow()) {
            // Imported users: the SDK reports the current permission on import.
            long at = who.joinAt() + rng.uniformLong(3, 30);
            boolean granted = rng.chance(0.62);
            permission(who, rng, milestones, at, granted, "app_prompt");
            grantedAt = granted ? at : Window.NEVER;
        } else {
            long installAt = who.appInstallAt();
            if (!milestones.add(installAt, APP, new AppInstalled())) {
                return false;
            }
            long promptAt = installAt + rng.uniformLong(20, 300);
            if (rng.chance(0.35)) {
                if (rng.chance(0.6)) {
                    declinedAt = promptAt;
                } else {
                    permission(who, rng, milestones, promptAt, true, "app_prompt");
                    declinedAt = promptAt + rng.uniformLong(6 * Window.HOUR, 4 * Window.DAY);
                }
                if (permission(who, rng, milestones, declinedAt, false,
                        declinedAt == promptAt ? "app_prompt" : "app_settings")) {
                    milestones.trait(Trait.PUSH_DECLINED_AFTER_INSTALL);
                } else {
                    declinedAt = Window.NEVER;
                }
            } else if (permission(who, rng, milestones, promptAt, true, "app_prompt")) {
                grantedAt = promptAt;
            }
        }

        long optedOutAt = Window.NEVER;
        boolean fatigued = false;
        if (grantedAt != Window.NEVER && who.persona() != Persona.WEB_TO_APP_MIGRANT
                && rng.chance(lateOptOutShare(who.persona()))) {
            fatigued = true;
            long at = Math.max(grantedAt, who.window().start()) + rng.uniformLong(14 * Window.DAY, 90 * Window.DAY);
            if (permission(who, rng, milestones, at, false, "app_settings")) {
                milestones.trait(Trait.PUSH_OPTED_OUT_AFTER_OPT_IN);
                optedOutAt = at;
            }
        }
        planUninstall(who, rng, milestones, declinedAt, optedOutAt);
        return fatigued;
    }

    private static void planUninstall(CustomerFacts who, Rng rng, Milestones milestones, long declinedAt, long optedOutAt) {
        if (who.persona() == Persona.WEB_TO_APP_MIGRANT) {
            return;
        }
        long uninstallAt = Window.NEVER;
        if (optedOutAt != Window.NEVER && rng.chance(0.45)) {
            uninstallAt = optedOutAt + rng.uniformLong(Window.DAY, 30 * Window.DAY);
        } else if (declinedAt != Window.NEVER && rng.chance(0.12)) {
            uninstallAt = declinedAt + rng.uniformLong(2 * Window.DAY, 40 * Window.DAY);
        } else if (who.lapseAt() != Window.NEVER && rng.chance(0.3)) {
            uninstallAt = who.lapseAt() + rng.uniformLong(3 * Window.DAY, 40 * Window.DAY);
        } else if (rng.chance(0.03) && who.joinAt() + 3 * Window.DAY < who.window().end()) {
            uninstallAt = rng.uniformLong(who.joinAt() + 3 * Window.DAY, who.window().end());
        }
        if (uninstallAt != Window.NEVER) {
            // Permission changes need the app: an opt-out planned for later comes first.
            long lastPermissionChange = Math.max(optedOutAt == Window.NEVER ? 0 : optedOutAt,
                    declinedAt == Window.NEVER ? 0 : declinedAt);
            if (uninstallAt <= lastPermissionChange) {
                uninstallAt = lastPermissionChange + rng.uniformLong(Window.DAY, 30 * Window.DAY);
            }
        }
        if (uninstallAt == Window.NEVER || !milestones.add(uninstallAt, APP, new AppUninstalled())) {
            return;
        }
        milestones.trait(Trait.APP_UNINSTALLED);
        if (rng.chance(0.15)) {
            long reinstallAt = uninstallAt + rng.uniformLong(5 * Window.DAY, 40 * Window.DAY);
            if (milestones.add(reinstallAt, APP, new AppInstalled())) {
                milestones.trait(Trait.APP_REINSTALLED);
                // A fresh install starts without permission, and this time they do not grant it.
                permission(who, rng, milestones, reinstallAt + rng.uniformLong(20, 300), false, "app_prompt");
            }
        }
    }

    /** The OS permission, the consent record that goes with it and, when granted, the device endpoint. */
    private static boolean permission(CustomerFacts who, Rng rng, Milestones milestones, long at, boolean granted,
                                      String source) {
        if (!milestones.add(at, APP, new PushPermissionChanged(granted))) {
            return false;
        }
        milestones.add(at + 1, APP, Consents.marketing(Channel.PUSH, granted, source));
        if (granted) {
            String service = rng.chance(0.5) ? "APNS" : "GCM";
            String endpoint = "arn:aws:sns:us-east-1:000000000000:endpoint/" + service + "/winback-demo/"
                    + Long.toHexString(rng.nextLong());
            milestones.add(at + 2, APP, new ProfileUpdated(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(endpoint)));
        }
        return true;
    }

    private static double lateOptOutShare(Persona persona) {
        return switch (persona) {
            case MESSAGE_IGNORER -> 0.35;
            case LAPSED -> 0.25;
            case WEB_TO_APP_MIGRANT -> 0;
            case APP_ONLY, WEB_ONLY, STORE_ONLY, OMNICHANNEL, STORE_TO_WEB_MOVER, LOYAL_BUYER, ONE_TIME_BUYER -> 0.15;
        };
    }
}

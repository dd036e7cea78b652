//! What a message proposes for its application: the status it moves to, only forward (a
//! confirmation does not undo an interview), never for an application the person closed.

use jobhound_inbox::MailStatus;

use crate::applying::applications::ApplicationStatus;

pub fn proposal(kind: MailStatus, current: ApplicationStatus) -> Option<ApplicationStatus> {
    use ApplicationStatus::*;
    let not_yet_sent = matches!(current, Saved | Preparing);
    let proposed = match kind {
        MailStatus::Received if not_yet_sent => Applied,
        MailStatus::Interview | MailStatus::Assessment if not_yet_sent || current == Applied => Interviewing,
        MailStatus::Offer if not_yet_sent || matches!(current, Applied | Interviewing) => Offer,
        MailStatus::Rejected if not_yet_sent || matches!(current, Applied | Interviewing | Offer) => Rejected,
        _ => return None,
    };
    Some(proposed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus::*;

    #[test]
    fn proposals_move_forward_only() {
        assert_eq!(proposal(MailStatus::Received, Saved), Some(Applied));
        assert_eq!(proposal(MailStatus::Received, Applied), None);
        assert_eq!(proposal(MailStatus::Received, Interviewing), None);
        assert_eq!(proposal(MailStatus::Interview, Applied), Some(Interviewing));
        assert_eq!(proposal(MailStatus::Assessment, Applied), Some(Interviewing));
        assert_eq!(proposal(MailStatus::Interview, Offer), None);
        assert_eq!(proposal(MailStatus::Offer, Interviewing), Some(Offer));
        assert_eq!(proposal(MailStatus::Rejected, Interviewing), Some(Rejected));
        assert_eq!(proposal(MailStatus::Other, Applied), None);
    }

    #[test]
    fn a_closed_application_gets_no_proposal() {
        for closed in [Accepted, Withdrawn, Archived, Rejected] {
            for kind in [MailStatus::Received, MailStatus::Interview, MailStatus::Offer, MailStatus::Rejected] {
                assert_eq!(proposal(kind, closed), None, "{kind:?} on {closed:?}");
            }
        }
    }
}

//! Learning a campaign's weights from what the user does: online logistic regression over the
//! factor values of the job acted on.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Ranked, Weights};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Feedback {
    Like,
    Dislike,
    Hide,
    Applied,
    Rejected,
}

impl Feedback {
    pub const ALL: [Feedback; 5] =
        [Feedback::Like, Feedback::Dislike, Feedback::Hide, Feedback::Applied, Feedback::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Feedback::Like => "like",
            Feedback::Dislike => "dislike",
            Feedback::Hide => "hide",
            Feedback::Applied => "applied",
            Feedback::Rejected => "rejected",
        }
    }

    /// How much the user wanted this job: 1 for yes, 0 for no.
    fn label(self) -> f64 {
        match self {
            Feedback::Like | Feedback::Applied => 1.0,
            Feedback::Dislike | Feedback::Hide | Feedback::Rejected => 0.0,
        }
    }
}

impl std::str::FromStr for Feedback {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Feedback::ALL.into_iter().find(|kind| kind.as_str() == text).ok_or_else(|| {
            let names: Vec<&str> = Feedback::ALL.iter().map(|kind| kind.as_str()).collect();
            format!("feedback '{text}': use {}", names.join(", "))
        })
    }
}

const LEARNING_RATE: f64 = 0.5;
/// No factor is ever switched off entirely by learning, nor allowed to swamp the others.
const MIN_WEIGHT: f64 = 0.1;
const MAX_WEIGHT: f64 = 10.0;

/// One step of logistic regression: the predicted chance the user wants this job is the score;
/// each weight moves by how wrong that was times its factor's value.
pub fn learn(weights: &Weights, ranked: &Ranked, feedback: Feedback) -> Weights {
    if ranked.filtered.is_some() {
        return weights.clone();
    }
    let predicted = f64::from(ranked.score) / 100.0;
    let error = feedback.label() - predicted;
    let values = ranked.values();
    let mut updated = weights.values();
    for (weight, value) in updated.iter_mut().zip(values) {
        // Centre each value on 0.5 so a factor that spoke against a liked job loses weight.
        *weight = (*weight + LEARNING_RATE * error * (value - 0.5) * 2.0).clamp(MIN_WEIGHT, MAX_WEIGHT);
    }
    Weights::from_values(updated)
}

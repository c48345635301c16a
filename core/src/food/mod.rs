//! The food theme (*Foyers à Alimentation Positive*): from purchase
//! surveys to the organic and local shares of spending, the cost per person
//! per meal and the spending by channel, their change in points between
//! surveys, and the goal "more organic and local at constant budget"
//! (DOMAIN.md §6).

mod household;
mod input;
mod report;

pub use household::{household_food, ChannelSpending, FoodChange, FoodIndicators, SurveyFigures};
pub use input::{Channel, FoodOptions, Purchase, Survey, DEFAULT_BUDGET_TOLERANCE};
pub use report::{food_report, FoodReport, FoodTeam, FoodTotals};

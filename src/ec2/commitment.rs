//! What a commitment is: its offering class, term, payment and Savings Plan type, the closed
//! sets that key the Reserved Instance, Savings Plans and host reservation tables and name the
//! options.

crate::closed_set! {
    /// Standard (change AZ, size within the family, network) or Convertible (exchange for
    /// another family, OS or tenancy).
    pub enum OfferingClass {
        Standard = "standard", "Standard";
        Convertible = "convertible", "Convertible";
    }
}

crate::closed_set! {
    /// Commitment length.
    pub enum Term {
        OneYear = "1y", "1 year";
        ThreeYears = "3y", "3 years";
    }
}

crate::closed_set! {
    /// How much of a commitment is paid at the start of the term.
    pub enum Payment {
        NoUpfront = "no-upfront", "No Upfront";
        PartialUpfront = "partial-upfront", "Partial Upfront";
        AllUpfront = "all-upfront", "All Upfront";
    }
}

crate::closed_set! {
    /// Savings Plan type: Compute (any family, size, region, OS, tenancy; also Fargate and
    /// Lambda) or EC2 Instance (one family in one region).
    pub enum PlanType {
        Compute = "compute", "Compute";
        Ec2Instance = "ec2-instance", "EC2 Instance";
    }
}

impl Term {
    pub fn years(self) -> u32 {
        match self {
            Term::OneYear => 1,
            Term::ThreeYears => 3,
        }
    }
    pub fn months(self) -> u32 {
        self.years() * 12
    }
}

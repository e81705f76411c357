//! The EBS volume types compared, and what each can be (boot, Multi-Attach) and is limited by.

crate::closed_set! {
    /// The EBS volume types compared, in display order, with AWS's name for each.
    pub enum VolumeType {
        Gp2 = "gp2", "General Purpose SSD (gp2)";
        Gp3 = "gp3", "General Purpose SSD (gp3)";
        Io1 = "io1", "Provisioned IOPS SSD (io1)";
        Io2 = "io2", "Provisioned IOPS SSD (io2 Block Express)";
        St1 = "st1", "Throughput Optimized HDD (st1)";
        Sc1 = "sc1", "Cold HDD (sc1)";
    }
}

impl VolumeType {
    /// Whether the type can be a boot volume.
    pub fn can_boot(self) -> bool {
        !matches!(self, VolumeType::St1 | VolumeType::Sc1)
    }

    /// Whether the type supports Multi-Attach at all.
    pub fn can_multi_attach(self) -> bool {
        matches!(self, VolumeType::Io1 | VolumeType::Io2)
    }

    /// The id of its row in [`crate::limits::EBS`] for capacity and performance.
    pub fn limit_ids(self) -> &'static [&'static str] {
        match self {
            VolumeType::Gp2 => &["ebs.gp2.size", "ebs.gp2.iops", "ebs.gp2.throughput"],
            VolumeType::Gp3 => &["ebs.gp3.size", "ebs.gp3.iops", "ebs.gp3.throughput"],
            VolumeType::Io1 => &["ebs.io1.size", "ebs.io1.iops", "ebs.io1.throughput"],
            VolumeType::Io2 => &["ebs.io2.size", "ebs.io2.iops", "ebs.io2.throughput"],
            VolumeType::St1 => &["ebs.st1"],
            VolumeType::Sc1 => &["ebs.sc1"],
        }
    }
}
